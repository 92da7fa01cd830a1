import { describe, expect, it } from 'vitest';
import { loadBrokenFixtures, fixtureContext } from '../../test/shared/brokenFixtures';
import { deepFreeze } from '../../test/shared/documents';
import { seededIntegers } from '../../test/shared/seededRandom';
import {
  chain,
  cleanSaga,
  el,
  flowOf,
  largeSaga,
  path,
  shopContext,
} from '../../test/shared/flows';
import { WorkflowDocument } from '../model/document';
import { flowDiagnosticCodes, flowDiagnostics, type FlowDiagnosticCode } from './diagnostics';
import { compareDiagnostics, validateFlow } from './validateFlow';

const fixtures = loadBrokenFixtures('FLOW');
const refusedBySchema = new Set(['FLOW018', 'FLOW019']);

describe('validateFlow: broken fixtures', () => {
  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))(
    'given %s, when validated, then it yields exactly its code',
    (_, fixture) => {
      const diagnostics = validateFlow(fixture.document, fixtureContext);

      expect(diagnostics.length).toBeGreaterThan(0);
      expect(diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual(
        diagnostics.filter((d) => d.code === fixture.code).map((d) => `${d.code}: ${d.message}`),
      );
    },
  );

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))(
    'given %s, when parsed by the schema, then only FLOW018 and FLOW019 are refused',
    (_, fixture) => {
      const result = WorkflowDocument.safeParse(fixture.document);

      expect(result.success).toBe(!refusedBySchema.has(fixture.code));
    },
  );

  it('given the catalogue, when the fixtures are listed, then every code has at least one', () => {
    const covered = new Set(fixtures.map((fixture) => fixture.code));

    const missing = flowDiagnosticCodes.filter((code) => !covered.has(code));

    expect(missing).toEqual([]);
    expect([...covered].filter((code) => !flowDiagnosticCodes.includes(code as never))).toEqual([]);
  });
});

describe('validateFlow: whole flows', () => {
  it('given a clean small saga, when validated, then there are no diagnostics', () => {
    const doc = deepFreeze(cleanSaga());

    expect(WorkflowDocument.safeParse(doc).success).toBe(true);
    expect(validateFlow(doc, shopContext)).toEqual([]);
  });

  it('given a flow with several problems, when validated, then they are sorted by code and element', () => {
    const doc = flowOf(
      [
        el.start('s'),
        el.task('z', { timeoutMs: undefined }),
        el.task('a', { timeoutMs: undefined }),
        el.wait('lost'),
        el.end('e'),
      ],
      [...chain('s', 'z', 'a', 'e'), path('lost', 'e')],
    );

    const diagnostics = validateFlow(doc, shopContext);

    expect(diagnostics.map((d) => [d.code, d.elementId])).toEqual([
      ['FLOW003', 'lost'],
      ['FLOW301', 'a'],
      ['FLOW301', 'z'],
    ]);
  });

  it('given the same flow with its elements in another order, when validated, then the result is the same', () => {
    const doc = flowOf(
      [el.start('s'), el.task('z', { timeoutMs: undefined }), el.xor('g'), el.end('e')],
      [...chain('s', 'z', 'g', 'e'), path('g', 'e', { id: 'other' })],
    );
    const shuffled = {
      ...doc,
      model: {
        elements: [...doc.model.elements].reverse(),
        connections: [...doc.model.connections].reverse(),
      },
    };

    const findings = (d: WorkflowDocument) =>
      validateFlow(d, shopContext).map(({ code, elementId }) => [code, elementId]);

    expect(findings(shuffled)).toEqual(findings(doc));
  });

  it('given a diagnostic, when validated, then it carries the catalogue severity and help', () => {
    const [diagnostic] = validateFlow(flowOf([el.end('e')], []), shopContext);

    expect(diagnostic).toEqual({
      code: 'FLOW001',
      severity: 'error',
      message: 'The flow has no start event at its top level',
      help: flowDiagnostics.FLOW001.help,
    });
  });

  it.each([
    ['an empty flow', flowOf([], [])],
    [
      'a flow of only annotations',
      flowOf([{ type: 'annotation', id: 'n', name: '', text: 'hi' }], []),
    ],
    [
      'a boundary attached to itself with a path to itself',
      flowOf([el.start('s'), el.boundary('b', 'b')], [path('b', 'b'), path('s', 'b')]),
    ],
    ['a self-loop', flowOf([el.start('s'), el.wait('w')], [path('s', 'w'), path('w', 'w')])],
    ['a map document', { ...flowOf([], []), kind: 'map' as const }],
    [
      'sub-processes that contain each other',
      flowOf(
        [
          el.start('s'),
          { ...el.sub('a'), parent: 'b' },
          { ...el.sub('b'), parent: 'a' },
          el.start('in', { parent: 'a' }),
        ],
        [path('s', 'a'), path('in', 'b')],
      ),
    ],
  ])('given %s, when validated, then it does not throw', (_, doc) => {
    expect(() => validateFlow(doc, shopContext)).not.toThrow();
  });
});

/** A random, often broken, flow: any element type, parents, attachments and paths (seeded). */
function randomFlow(seed: number): WorkflowDocument {
  const next = seededIntegers(seed);
  const pick = <T>(items: readonly T[]): T => items[next(items.length)] as T;
  const size = 1 + next(25);
  const ids = Array.from({ length: size }, (_, i) => `n${i}`);
  const anyId = () => (next(10) === 0 ? 'ghost' : pick(ids));
  const makers = [
    (id: string) => el.start(id),
    (id: string) => el.end(id, { result: pick(['none', 'error', 'terminate'] as const) }),
    (id: string) => el.task(id, { pivot: next(4) === 0, timeoutMs: next(2) ? 10 : undefined }),
    (id: string) => el.user(id),
    (id: string) => el.xor(id, next(2) ? { default: `p${next(40)}` } : {}),
    (id: string) => el.and(id),
    (id: string) => el.wait(id),
    (id: string) => el.boundary(id, anyId(), { trigger: pick(['error', 'timer'] as const) }),
    (id: string) => el.sub(id),
    (id: string) => el.call(id, pick(['customs-clearance', 'other', ' '])),
  ];
  const elements = ids.map((id) => {
    const element = pick(makers)(id);
    return next(4) === 0 ? { ...element, parent: anyId() } : element;
  });
  const connections = Array.from({ length: next(40) }, (_, i) =>
    path(anyId(), anyId(), {
      id: `p${i}`,
      ...(next(3) === 0 ? { condition: pick(['a > 1', 'a >', '"x" and b', '']) } : {}),
      ...(next(5) === 0 ? { outcome: pick(['approve', 'reject'] as const) } : {}),
    }),
  );
  return flowOf(elements, connections);
}

describe('validateFlow: random flows', () => {
  it('given 500 random flows, when validated twice, then it never throws and gives the same sorted list', () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const doc = deepFreeze(randomFlow(seed));

      const first = validateFlow(doc, fixtureContext);
      const second = validateFlow(doc, fixtureContext);

      expect(second).toEqual(first);
      expect([...first].sort(compareDiagnostics)).toEqual(first);
      for (const diagnostic of first) {
        expect(flowDiagnostics[diagnostic.code as FlowDiagnosticCode].severity).toBe(
          diagnostic.severity,
        );
      }
    }
    // Heavy work: on two busy cores it takes longer than vitest's default 5 s.
  }, 60_000);
});

// How fast this is, is measured by `npm run bench compile` (validate 1,000 and 10,000 elements),
// not here: timed assertions fail on a busy machine.
describe('validateFlow: size', () => {
  it('given a generated saga of 10,000 elements, when validated, then it finds nothing', () => {
    const doc = largeSaga(10_000);

    const diagnostics = validateFlow(doc, shopContext);

    expect(doc.model.elements.length).toBeGreaterThanOrEqual(10_000);
    expect(diagnostics).toEqual([]);
  });

  it('given a 10,000-element saga where every step is undoable, when validated, then every undoable step is found', () => {
    const doc = largeSaga(10_000);
    for (const element of doc.model.elements) {
      if (element.type === 'serviceTask') delete element.compensation;
    }

    const diagnostics = validateFlow(doc, shopContext);

    expect(diagnostics.filter((d) => d.code === 'FLOW302').length).toBeGreaterThan(5_000);
  });
});
