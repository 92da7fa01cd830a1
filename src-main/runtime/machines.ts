import { createActor, type AnyActorRef, type AnyStateMachine } from 'xstate';
import { createFlowMachine } from '../../src-shared/compiler/machineSetup';
import type { MachineJson } from '../../src-shared/compiler/machineTypes';
import {
  createServiceMachine,
  createTrackerMachine,
} from '../../src-shared/compiler/map/mapMachineSetup';
import type { CompiledMap } from '../../src-shared/compiler/map/mapTypes';

/** An effect a machine asked for while handling one event. */
export interface EffectRequest {
  readonly effect: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly context: unknown;
}

/**
 * Where effects go while an event is being sent: the runtime sets the sink around each
 * `actor.send` (sends are synchronous), so one loaded machine serves every actor of every run.
 */
let sink: EffectRequest[] | null = null;
const toSink = (request: EffectRequest) => {
  sink?.push(request);
};

/** What part of a pinned text an actor runs: a flow, a map's tracker or one of its services. */
export type MachinePart =
  | { readonly kind: 'flow' }
  | { readonly kind: 'tracker' }
  | { readonly kind: 'service'; readonly node: string };

const cache = new Map<string, AnyStateMachine>();
const parsed = new Map<string, unknown>();

function parse(text: string): unknown {
  let value = parsed.get(text);
  if (value === undefined) {
    value = JSON.parse(text);
    parsed.set(text, value);
  }
  return value;
}

/** The machine for a part of a pinned text, loaded once per process. */
export function loadMachine(text: string, part: MachinePart): AnyStateMachine {
  const key = `${part.kind}:${part.kind === 'service' ? part.node : ''}:${text}`;
  let machine = cache.get(key);
  if (machine) return machine;
  if (part.kind === 'flow') {
    machine = createFlowMachine(parse(text) as MachineJson, toSink) as unknown as AnyStateMachine;
  } else {
    const compiled = parse(text) as CompiledMap;
    if (part.kind === 'tracker') {
      machine = createTrackerMachine(compiled.tracker) as unknown as AnyStateMachine;
    } else {
      const json = compiled.services[part.node];
      if (!json) throw new Error(`the pinned map has no service "${part.node}"`);
      machine = createServiceMachine(json, toSink) as unknown as AnyStateMachine;
    }
  }
  cache.set(key, machine);
  return machine;
}

/** Starts an actor, fresh or from a persisted snapshot; entry effects of a restored state are not run again. */
export function startActor(machine: AnyStateMachine, snapshot?: unknown): AnyActorRef {
  const actor = createActor(machine, snapshot === undefined ? {} : { snapshot: snapshot as never });
  const requests: EffectRequest[] = [];
  const previous = sink;
  sink = requests;
  try {
    actor.start();
  } finally {
    sink = previous;
  }
  return actor;
}

/** Sends one event and returns the effects the machine asked for. */
export function sendEvent(actor: AnyActorRef, event: { type: string }): EffectRequest[] {
  const requests: EffectRequest[] = [];
  const previous = sink;
  sink = requests;
  try {
    actor.send(event);
  } finally {
    sink = previous;
  }
  const snapshot = actor.getSnapshot() as { status: string; error?: unknown };
  if (snapshot.status === 'error') {
    throw new Error(`machine error while handling ${event.type}: ${String(snapshot.error)}`);
  }
  return requests;
}

/** An actor's current data (its machine's context). */
export function contextOf<T>(actor: AnyActorRef | undefined): T | undefined {
  return (actor?.getSnapshot() as { context: T } | undefined)?.context;
}

/**
 * The same actor, where it is, with its instance data (its context's `data`) replaced: restored
 * from its persisted snapshot with the new context, so no entry effect runs again.
 */
export function withData(actor: AnyActorRef, data: Record<string, unknown>): AnyActorRef {
  const persisted = actor.getPersistedSnapshot() as { context?: Record<string, unknown> };
  const logic = (actor as unknown as { logic: AnyStateMachine }).logic;
  return startActor(logic, { ...persisted, context: { ...persisted.context, data } });
}
