import { describe, expect, it } from 'vitest';
import { exportAsl } from '../../src-shared/interchange/asl/exportAsl';
import { loadExamples } from '../../test/shared/exampleFiles';
import { validateAsl } from './validateExports';

describe('ASL exports validate with asl-validator (JSONata mode)', () => {
  it.each(loadExamples('flow'))('%s', (_name, doc) => {
    const { definition, diagnostics } = exportAsl(doc);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(definition?.QueryLanguage).toBe('JSONata');
    expect(validateAsl(definition)).toEqual({ valid: true, messages: [] });
  });

  it('reports what is wrong with a definition it refuses', () => {
    const [, doc] = loadExamples('flow')[0]!;
    const definition = structuredClone(exportAsl(doc).definition!);
    const [first] = Object.values(definition.States);
    first!.Next = 'nowhere';
    const verdict = validateAsl(definition);
    expect(verdict.valid).toBe(false);
    expect(verdict.messages.join('\n')).toContain('nowhere');
  });

  it('rejects a JSONata expression that does not parse', () => {
    const [, doc] = loadExamples('flow')[0]!;
    const definition = structuredClone(exportAsl(doc).definition!);
    const task = Object.values(definition.States).find((state) => state.Type === 'Task')!;
    task.Arguments = '{% $states.input.( %}';
    expect(validateAsl(definition).valid).toBe(false);
  });
});
