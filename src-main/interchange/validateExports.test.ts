import { describe, expect, it } from 'vitest';
import { exportAsl } from '../../src-shared/interchange/asl/exportAsl';
import { exportAsyncApi } from '../../src-shared/interchange/asyncapi/exportAsyncApi';
import { compilerCases } from '../../test/fixtures/compiler/cases';
import { loadExamples } from '../../test/shared/exampleFiles';
import { validateAsl, validateAsyncApi } from './validateExports';

describe('ASL exports validate with asl-validator (JSONata mode)', () => {
  it.each(loadExamples('flow'))('%s', (_name, doc) => {
    const { definition, diagnostics } = exportAsl(doc);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(definition?.QueryLanguage).toBe('JSONata');
    expect(validateAsl(definition)).toEqual({ valid: true, messages: [] });
  });

  it.each(Object.entries(compilerCases))(
    'compiler case %s (every element kind a flow has)',
    (_name, doc) => {
      const { definition } = exportAsl(doc);
      expect(definition).not.toBeNull();
      expect(validateAsl(definition)).toEqual({ valid: true, messages: [] });
    },
  );

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

describe('AsyncAPI exports validate with @asyncapi/parser', () => {
  const withEvents = [...loadExamples('map'), ...loadExamples('flow')].filter(
    ([, doc]) => exportAsyncApi(doc).document !== null,
  );

  it('covers every map and every flow that publishes or awaits events', () => {
    expect(withEvents.map(([name]) => name).sort()).toEqual([
      'choreography-saga',
      'customer-onboarding',
      'customs-clearance',
      'kyc-onboarding',
      'logistics-hybrid',
      'media-encoding',
      'order-fanout',
      'order-saga',
    ]);
  });

  it.each(withEvents)(
    '%s has no diagnostic of error severity',
    async (_name, doc) => {
      const { document } = exportAsyncApi(doc);
      expect(document?.asyncapi).toBe('3.0.0');
      expect(await validateAsyncApi(document)).toEqual({ valid: true, messages: [] });
    },
    60_000,
  );

  it('reports what is wrong with a document it refuses', async () => {
    const [, doc] = loadExamples('map')[0]!;
    const document = structuredClone(exportAsyncApi(doc).document!);
    const operations = document.operations as Record<string, { channel: unknown }>;
    Object.values(operations)[0]!.channel = { $ref: '#/channels/NoSuchEvent' };
    const verdict = await validateAsyncApi(document);
    expect(verdict.valid).toBe(false);
    expect(verdict.messages.join('\n')).toMatch(/NoSuchEvent|channel/i);
  }, 60_000);
});
