import { readFileSync, writeFileSync } from 'node:fs';
import { loadExamples } from './exampleFiles';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMap, serializeCompiledMap } from '../../src-shared/compiler/map/compileMap';
import { runChoreography } from './choreographyHarness';

const goldenDir = 'test/fixtures/compiler/golden/examples';
const update = process.env.BATON_UPDATE_GOLDEN === '1';

const examples = loadExamples('map');

if (examples.length === 0) it.todo('compiles the example maps of assets/examples (none yet)');

describe.each(examples)('example map %s', (name, doc) => {
  const { compiled, diagnostics } = compileMap(doc);

  it('compiles without problems to its golden output, byte for byte, every time', () => {
    expect(diagnostics).toEqual([]);
    const text = serializeCompiledMap(compiled!);
    expect(serializeCompiledMap(compileMap(structuredClone(doc)).compiled!)).toBe(text);
    const golden = join(goldenDir, `${name}.map.json`);
    if (update) writeFileSync(golden, text);
    expect(text, `rerun with BATON_UPDATE_GOLDEN=1 if the change to ${name} is intended`).toBe(
      readFileSync(golden, 'utf8'),
    );
  });

  it('has a machine for every service node and an initial event to start from', () => {
    const services = doc.model.elements.filter((e) => e.type === 'service').map((e) => e.id);
    expect(Object.keys(compiled!.services)).toEqual(services);
    expect(compiled!.broker.initialEvents.length).toBeGreaterThan(0);
  });

  it('settles every delivery when every call succeeds, leaving no service busy', () => {
    for (const initial of compiled!.broker.initialEvents) {
      const run = runChoreography(compiled!, initial);
      const delivered = Object.values(compiled!.broker.subscriptions).flat().length;
      expect(run.log.some((line) => line.includes('settles'))).toBe(delivered > 0);
      expect(Object.values(run.services).filter((value) => value !== '__idle')).toEqual([]);
    }
  });
});
