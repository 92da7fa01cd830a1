import { join } from 'node:path';
import type { AnyStateMachine, EventObject, StateValue } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFlow } from '../../src-shared/compiler/compileFlow';
import { createFlowMachine } from '../../src-shared/compiler/machineSetup';
import type { FlowMachineContext } from '../../src-shared/compiler/machineTypes';
import { compileMap } from '../../src-shared/compiler/map/compileMap';
import {
  createServiceMachine,
  createTrackerMachine,
  type ServiceEvent,
} from '../../src-shared/compiler/map/mapMachineSetup';
import type { CompiledMap, ServiceMachineContext } from '../../src-shared/compiler/map/mapTypes';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { exportXStateModule } from '../../src-shared/interchange/xstate/exportXStateModule';
import { compilerCases } from '../fixtures/compiler/cases';
import { loadExamples } from './exampleFiles';
import { bareProject, importModule, typeCheck } from './exportedModules';
import { activeKeys, possibleEvents } from './machinePaths';

/**
 * Every worked example exported as an XState TypeScript module: it type-checks strictly in a
 * folder where only `xstate` resolves, and its machines reach exactly the states Baton's compiled
 * machines reach, by the same shortest paths (xstate/graph over the same possible events).
 */
const examples: [string, WorkflowDocument][] = [
  ...loadExamples('flow'),
  ...loadExamples('map'),
  // One flow per compiler feature: sub-processes, call activities, messages, timers, boundaries.
  ...Object.entries(compilerCases).map(([name, doc]): [string, WorkflowDocument] => [
    `case-${name}`,
    doc,
  ]),
];
const project = bareProject();
const sources = new Map(
  examples.map(([name, doc]) => [name, exportXStateModule(doc).text ?? ''] as const),
);
let problems: string[] = [];

beforeAll(async () => {
  const files: string[] = [];
  for (const [name, source] of sources) {
    await importModule(project.dir, name, source);
    files.push(join(project.dir, `${name}.ts`));
  }
  problems = typeCheck(files);
}, 120_000);
afterAll(() => project.remove());

/** State (serialized) → the events of the shortest path to it, for one machine. */
function shortestPaths<E extends EventObject>(
  machine: AnyStateMachine,
  events: (snapshot: { value: unknown; context: unknown }) => E[],
  serializeState: (snapshot: { value: unknown; context: unknown }) => string = (snapshot) =>
    JSON.stringify([snapshot.value, snapshot.context]),
): Map<string, string> {
  const paths = getShortestPaths(machine, { events, serializeState, limit: 500_000 });
  return new Map(
    paths.map((path) => [
      serializeState(path.state as never),
      JSON.stringify(path.steps.map((step) => step.event as EventObject)),
    ]),
  );
}

/** What a map's runtime may send a service machine in a snapshot (one delivery at a time). */
function serviceEvents(compiled: CompiledMap, serviceId: string) {
  const deliveries: ServiceEvent[] = Object.entries(compiled.broker.subscriptions).flatMap(
    ([eventType, subscriptions]) =>
      subscriptions
        .filter((subscription) => subscription.service === serviceId)
        .map((subscription) => ({
          type: 'event.delivered' as const,
          eventType,
          reaction: subscription.reaction,
          deliveryId: 'd1',
          payload: { amount: 1 },
        })),
  );
  const starts: ServiceEvent[] = compiled.broker.initialEvents.map((eventType) => ({
    type: 'instance.start',
    eventType,
    deliveryId: 'start',
  }));
  return (snapshot: { context: unknown }): ServiceEvent[] => {
    const { delivery, step } = snapshot.context as ServiceMachineContext;
    if (!delivery) return [...deliveries, ...starts];
    const result = { deliveryId: delivery.deliveryId, step: step ?? '' };
    return [
      { type: 'condition.decided', holds: true, ...result },
      { type: 'condition.decided', holds: false, ...result },
      { type: 'condition.failed', ...result },
      { type: 'call.ok', output: { done: true }, ...result },
      { type: 'call.failed', ...result },
      { type: 'call.timeout', ...result },
      { type: 'subflow.completed', ...result },
      { type: 'subflow.failed', ...result },
      { type: 'publish.done', ...result },
    ];
  };
}

interface ExportedFlow {
  readonly machine: AnyStateMachine;
}
interface ExportedMap {
  readonly services: Record<string, AnyStateMachine>;
  readonly tracker: AnyStateMachine;
}

describe.each(examples)('example %s as an XState TypeScript module', (name, doc) => {
  it('type-checks strictly with only xstate resolvable', () => {
    expect(sources.get(name)).toMatch(/^import \{[^}]*\bsetup\b[^}]*\} from 'xstate';$/m);
    expect(sources.get(name)).not.toMatch(/from '(?!xstate')/);
    expect(problems.filter((problem) => problem.includes(`${name}.ts`))).toEqual([]);
  });

  it("reaches the same states as Baton's compiled machine, by the same paths", async () => {
    const exported = await importModule(project.dir, `${name}.run`, sources.get(name) ?? '');
    if (doc.kind === 'flow') compareFlow(doc, exported as ExportedFlow);
    else compareMap(doc, exported as ExportedMap);
  }, 60_000);
});

/**
 * A flow's state as far as its future goes (as `explorePaths` counts it): where it is, what is
 * left to undo, and the attempts of the elements active now.
 */
function flowState(snapshot: { value: unknown; context: unknown }): string {
  const { completed, pivoted, attempts, compensationAttempts } =
    snapshot.context as FlowMachineContext;
  const active = new Set(activeKeys(snapshot.value as StateValue));
  const live = Object.entries(attempts).filter(([id]) => active.has(id));
  return JSON.stringify([snapshot.value, completed, pivoted, live, compensationAttempts]);
}

function compareFlow(doc: WorkflowDocument, exported: ExportedFlow) {
  const json = compileFlow(doc).machine!;
  const events = possibleEvents(doc);
  const baton = shortestPaths(
    createFlowMachine(json) as unknown as AnyStateMachine,
    events,
    flowState,
  );
  const theirs = shortestPaths(exported.machine, events, flowState);
  expect(baton.size).toBeGreaterThan(2);
  expect([...theirs.entries()]).toEqual([...baton.entries()]);
}

function compareMap(doc: WorkflowDocument, exported: ExportedMap) {
  const compiled = compileMap(doc).compiled!;
  expect(Object.keys(exported.services)).toEqual(Object.keys(compiled.services));
  for (const [id, json] of Object.entries(compiled.services)) {
    const events = serviceEvents(compiled, id);
    const baton = shortestPaths(createServiceMachine(json) as unknown as AnyStateMachine, events);
    const theirs = shortestPaths(exported.services[id]!, events);
    expect(baton.size).toBeGreaterThan(1);
    expect([...theirs.entries()], `service ${id}`).toEqual([...baton.entries()]);
  }
  const published = () =>
    Object.keys(compiled.broker.subscriptions).map((eventType) => ({
      type: 'event.published' as const,
      eventType,
    }));
  // Milestones grow without end while running: compare the states reached, not the contexts.
  const trackerStates = (machine: AnyStateMachine) =>
    getShortestPaths(machine, {
      events: published,
      serializeState: (snapshot) => JSON.stringify((snapshot as { value: unknown }).value),
    })
      .map(
        (path) =>
          `${JSON.stringify(path.state.value)} ${JSON.stringify(path.steps.map((step) => step.event as EventObject))}`,
      )
      .sort();
  expect(trackerStates(exported.tracker)).toEqual(
    trackerStates(createTrackerMachine(compiled.tracker) as unknown as AnyStateMachine),
  );
}
