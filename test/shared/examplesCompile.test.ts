import { readFileSync, writeFileSync } from 'node:fs';
import { loadExamples } from './exampleFiles';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFlow, serializeMachine } from '../../src-shared/compiler/compileFlow';
import { isFlowNode } from '../../src-shared/compiler/flowGraph';
import { checkCompensationOrder, explorePaths } from './machinePaths';

const goldenDir = 'test/fixtures/compiler/golden/examples';
const update = process.env.BATON_UPDATE_GOLDEN === '1';

const examples = loadExamples('flow');

describe.each(examples)('example %s', (name, doc) => {
  const compiled = compileFlow(doc);

  it('compiles without problems to its golden machine, byte for byte, every time', () => {
    expect(compiled.diagnostics).toEqual([]);
    const text = serializeMachine(compiled.machine!);
    expect(serializeMachine(compileFlow(structuredClone(doc)).machine!)).toBe(text);
    const golden = join(goldenDir, `${name}.machine.json`);
    if (update) writeFileSync(golden, text);
    expect(text, `rerun with BATON_UPDATE_GOLDEN=1 if the change to ${name} is intended`).toBe(
      readFileSync(golden, 'utf8'),
    );
  });

  const paths = explorePaths(doc, compiled.machine!);

  it("reaches every element's state on some path", () => {
    const entered = new Set(paths.flatMap((path) => path.entered));
    const missing = doc.model.elements
      .filter(isFlowNode)
      .map((element) => element.id)
      .filter((id) => !entered.has(id));
    expect(missing).toEqual([]);
  });

  it('compensates in reverse order of completion on every path that compensates', () => {
    const compensable = doc.model.elements.some((e) => e.type === 'serviceTask' && e.compensation);
    const compensating = checkCompensationOrder(doc, paths);
    if (compensable) expect(compensating).toBeGreaterThan(0);
  });
});
