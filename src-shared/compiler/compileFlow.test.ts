import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilerCases, flow } from '../../test/fixtures/compiler/cases';
import { explorePaths } from '../../test/shared/machinePaths';
import { isFlowNode } from './flowGraph';
import { compileFlow, serializeMachine } from './compileFlow';

const goldenDir = join(__dirname, '../../test/fixtures/compiler/golden');
const update = process.env.BATON_UPDATE_GOLDEN === '1';

describe('compiled machines match their golden files', () => {
  it.each(Object.entries(compilerCases))('%s', (name, doc) => {
    // Given a flow exercising one compiler feature
    const { machine, diagnostics } = compileFlow(doc);

    // Then it compiles cleanly, to exactly the pinned JSON, the same bytes every time
    expect(diagnostics).toEqual([]);
    if (!machine) throw new Error('no machine');
    const text = serializeMachine(machine);
    expect(serializeMachine(compileFlow(structuredClone(doc)).machine!)).toBe(text);
    const golden = join(goldenDir, `${name}.machine.json`);
    if (update) writeFileSync(golden, text);
    expect(
      text,
      `golden ${name} differs; rerun with BATON_UPDATE_GOLDEN=1 if the change is intended`,
    ).toBe(readFileSync(golden, 'utf8'));
  });

  it.each(Object.entries(compilerCases))(
    '%s: state ids equal element ids and every element is reached',
    (_name, doc) => {
      const { machine } = compileFlow(doc);
      if (!machine) throw new Error('no machine');
      const entered = new Set(explorePaths(doc, machine).flatMap((path) => path.entered));
      const elements = doc.model.elements.filter(isFlowNode).map((element) => element.id);
      expect(elements.filter((id) => !entered.has(id))).toEqual([]);
    },
  );
});

describe('what stops a flow from compiling', () => {
  it.each([
    ['COMP001', { ...flow([], []), kind: 'map' as const }],
    ['COMP002', flow([['end', 'endEvent']], [])],
    [
      'COMP003',
      flow(
        [
          ['s1', 'startEvent'],
          ['s2', 'startEvent'],
          ['end', 'endEvent'],
        ],
        [
          ['s1', 'end'],
          ['s2', 'end'],
        ],
      ),
    ],
    [
      'COMP004',
      flow(
        [
          ['start', 'startEvent'],
          ['a', 'serviceTask'],
          ['b', 'endEvent'],
          ['c', 'endEvent'],
        ],
        [
          ['start', 'a'],
          ['a', 'b'],
          ['a', 'c'],
        ],
      ),
    ],
    [
      'COMP005',
      flow(
        [
          ['start', 'startEvent'],
          ['fork', 'parallelGateway'],
          ['a', 'endEvent'],
          ['b', 'endEvent'],
        ],
        [
          ['start', 'fork'],
          ['fork', 'a'],
          ['fork', 'b'],
        ],
      ),
    ],
    [
      'COMP006',
      flow(
        [
          ['start', 'startEvent'],
          ['fork', 'parallelGateway'],
          ['a', 'endEvent'],
          ['join', 'parallelGateway'],
          ['x', 'serviceTask'],
          ['end', 'endEvent'],
        ],
        [
          ['start', 'fork'],
          ['fork', 'x'],
          ['fork', 'join'],
          ['x', 'join'],
          ['x', 'a'],
          ['join', 'end'],
        ],
      ),
    ],
    [
      'COMP007',
      flow(
        [
          ['start', 'startEvent'],
          ['sub', 'subProcess'],
          ['end', 'endEvent'],
        ],
        [
          ['start', 'sub'],
          ['sub', 'end'],
        ],
      ),
    ],
  ])('%s: returns the diagnostic and no machine, without throwing', (code, doc) => {
    const result = compileFlow(doc);
    expect(result.machine).toBeNull();
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain(code);
    for (const diagnostic of result.diagnostics) {
      expect(diagnostic.message.length).toBeGreaterThan(10);
      expect(diagnostic.help.length).toBeGreaterThan(10);
    }
  });
});
