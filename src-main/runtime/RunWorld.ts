import type { AnyActorRef } from 'xstate';
import type { Breakpoint, DebugStop } from '../../src-shared/runtime/debug';
import { choiceFor } from '../../src-shared/runtime/random';
import type { Scenario } from '../../src-shared/runtime/scenario';
import type { RunStatus } from '../../src-shared/runtime/runReport';
import type { RunDefinition } from './definition';
import { loadMachine, sendEvent, startActor, withData, type EffectRequest } from './machines';
import type { AgendaRow, RunRow, StepWrite } from './RunStore';
import { StepBuilder } from './StepBuilder';
import { finishStep, stateHash } from './stepWrites';
import type { ActorInfo, WorldState } from './worldState';

export { SNAPSHOT_INTERVAL, stateHash } from './stepWrites';
export { StepBuilder } from './StepBuilder';
export type { ActorInfo, WorldState } from './worldState';

/** The kind of an agenda row for a delivery waiting for a free copy of its consumer. */
export const BLOCKED_DELIVERY = 'delivery-blocked';

/** Does what an agenda item stands for, inside a step. */
export type Performer = (world: RunWorld, item: AgendaRow, step: StepBuilder) => Promise<void>;
/** Turns a machine's effect request into journal entries and agenda items. */
export type Requester = (
  world: RunWorld,
  actor: string,
  request: EffectRequest,
  step: StepBuilder,
) => Promise<void>;

/**
 * One run: a closed world with its own virtual clock, machines (actors), agenda, broker and mock
 * services. The machines decide; the world acts: each step takes the next due agenda item,
 * performs it (a mock answering, a timer firing, a delivery), sends the result to the machine,
 * and turns the effects it asks for into journal entries and new agenda items. A step's writes
 * are committed before anything it asked for is performed.
 */
export class RunWorld {
  readonly actors = new Map<string, AnyActorRef>();
  /** What is due, in order of (due time, id); waits (`dueMs` null) are kept apart. */
  agenda: AgendaRow[] = [];
  readonly waits = new Map<number, AgendaRow>();
  /** Deliveries that found every copy of their service busy, by service node. */
  readonly blocked = new Map<number, AgendaRow>();
  /** The side effects the mocks performed, by idempotency key: what a repeat call gets back. */
  readonly performed = new Map<string, { output: unknown; seq: number }>();
  status: RunStatus;
  nowMs: number;
  endedAtMs: number | null;
  paused: boolean;
  /** Where the run stops by itself (not inputs: never journaled). */
  breakpoints: readonly Breakpoint[];
  /** Why the run is paused where it is, or null. */
  stop: DebugStop | null;
  readonly scenario: Scenario;
  /** Called after every event an actor handled (the runtime ends finished actors here). */
  onSent?: (world: RunWorld, actorId: string, step: StepBuilder) => void;

  constructor(
    readonly row: RunRow,
    readonly definition: RunDefinition,
    readonly state: WorldState,
    readonly performers: Readonly<Record<string, Performer>>,
    readonly requesters: {
      readonly flow: Readonly<Record<string, Requester>>;
      readonly service: Readonly<Record<string, Requester>>;
    },
  ) {
    this.status = row.status;
    this.nowMs = row.nowMs;
    this.endedAtMs = row.endedAtMs;
    this.paused = row.paused;
    this.breakpoints = row.breakpoints;
    this.stop = row.stop;
    this.scenario = JSON.parse(row.scenario) as Scenario;
  }

  get uid(): string {
    return this.row.uid;
  }

  get correlationId(): string {
    return this.row.correlationId;
  }

  /** Random values for one named decision of this run (see `choiceFor`). */
  choice(key: string) {
    return choiceFor(this.row.seed, key);
  }

  /** The pinned text an actor's machine comes from. */
  machineText(machine: string): string {
    if (machine === 'root') return this.definition.root.text;
    const flow = this.definition.flows[machine];
    if (!flow) throw new Error(`the run has no pinned flow "${machine}"`);
    return flow.text;
  }

  elementName(actor: string, elementId: string): string {
    const info = this.state.actors[actor];
    const pinned =
      info?.machine === 'root' ? this.definition.root : this.definition.flows[info?.machine ?? ''];
    return pinned?.names[elementId] ?? elementId;
  }

  /** Creates (and journals) an actor; fresh actors ask for nothing until they get an event. */
  createActor(id: string, info: ActorInfo, step: StepBuilder | null): AnyActorRef {
    this.state.actors[id] = info;
    const actor = startActor(loadMachine(this.machineText(info.machine), info.part));
    this.actors.set(id, actor);
    step?.record('actor.created', id, { machine: info.machine, part: info.part });
    return actor;
  }

  /** Restores an actor from a persisted snapshot (after a crash, or to seek). */
  restoreActor(id: string, snapshot: unknown): void {
    const info = this.state.actors[id];
    if (!info) throw new Error(`the run has no actor "${id}"`);
    this.actors.set(
      id,
      startActor(loadMachine(this.machineText(info.machine), info.part), snapshot),
    );
  }

  /** Replaces an actor's instance data (its context's `data`), keeping where it is. */
  replaceData(id: string, data: Record<string, unknown>): void {
    const actor = this.actors.get(id);
    if (!actor) throw new Error(`the run has no actor "${id}"`);
    this.actors.set(id, withData(actor, data));
  }

  /**
   * Sends an event to an actor, journals it with the state it led to (so a replay can check it
   * reaches the same), and turns the effects it asked for into requests.
   */
  async send(
    actorId: string,
    event: { type: string } & Record<string, unknown>,
    step: StepBuilder,
  ): Promise<void> {
    const actor = this.actors.get(actorId);
    if (!actor) throw new Error(`the run has no actor "${actorId}"`);
    const requests = sendEvent(actor, event);
    const snapshot = actor.getSnapshot() as { value: unknown; context: unknown };
    step.record('event', actorId, { event, value: snapshot.value, hash: stateHash(snapshot) });
    this.state.eventsSinceSnapshot += 1;
    const table =
      this.state.actors[actorId]?.part.kind === 'service'
        ? this.requesters.service
        : this.requesters.flow;
    for (const request of requests) {
      const requester = table[request.effect];
      if (!requester) throw new Error(`no runtime support for ${request.effect}`);
      await requester(this, actorId, request, step);
    }
    this.onSent?.(this, actorId, step);
  }

  /** The earliest item that is due and can be taken, or undefined. */
  nextItem(): AgendaRow | undefined {
    const next = this.agenda[0];
    if (next && this.held() && (next.dueMs ?? 0) > this.nowMs) return undefined;
    return next;
  }

  /**
   * In virtual time the clock does not run past a wait only a person can end: an undecided user
   * task, or an awaited event that nothing scheduled in the run can bring. The run waits there
   * (its deadlines have not passed) until someone decides or publishes. A scenario that wants the
   * deadline to pass says the person ignores the task. Real time passes regardless.
   */
  held(): boolean {
    if (this.scenario.clock?.mode === 'real') return false;
    let awaiting = false;
    for (const wait of this.waits.values()) {
      if (wait.kind === 'person') return true;
      if (wait.kind === 'await') awaiting = true;
    }
    return awaiting && !this.agenda.some((item) => item.kind === 'outside-event');
  }

  /** Takes the next due item, performs it and returns what the step writes. */
  async step(): Promise<StepWrite | undefined> {
    const item = this.agenda.shift();
    if (!item) return undefined;
    const step = new StepBuilder(this);
    this.nowMs = Math.max(this.nowMs, item.dueMs ?? this.nowMs);
    step.remove(item.id);
    const performer = this.performers[item.kind];
    if (!performer) throw new Error(`no runtime support for agenda item "${item.kind}"`);
    await performer(this, item, step);
    return finishStep(this, step);
  }

  /** Runs one piece of work that is not an agenda item (a decision, a hand-published event). */
  async apply(work: (step: StepBuilder) => Promise<void>): Promise<StepWrite> {
    const step = new StepBuilder(this);
    await work(step);
    return finishStep(this, step);
  }

  /** A step that failed unexpectedly: the run ends failed with the reason, its agenda cleared. */
  faultWrite(message: string): StepWrite {
    const step = new StepBuilder(this);
    this.state.fault = message;
    step.record('fault', null, { message });
    for (const item of [...this.agenda, ...this.waits.values(), ...this.blocked.values()])
      step.remove(item.id);
    return finishStep(this, step);
  }

  /** Puts an item where it belongs: the due queue (in order) or the waits. */
  admit(row: AgendaRow): void {
    if (row.kind === BLOCKED_DELIVERY) {
      this.blocked.set(row.id, row);
      return;
    }
    if (row.dueMs === null) {
      this.waits.set(row.id, row);
      return;
    }
    let index = this.agenda.length;
    while (index > 0) {
      const before = this.agenda[index - 1] as AgendaRow;
      if (
        (before.dueMs as number) < row.dueMs ||
        ((before.dueMs as number) === row.dueMs && before.id < row.id)
      )
        break;
      index -= 1;
    }
    this.agenda.splice(index, 0, row);
  }

  /**
   * Parks a due delivery until a copy of its service is free. The row keeps its id (its place
   * in line) and is stored as blocked, so a restart finds it waiting, not due.
   */
  block(row: AgendaRow, step: StepBuilder): void {
    step.rewrite({ ...row, kind: BLOCKED_DELIVERY, dueMs: null });
  }

  /** Gives blocked deliveries back to the due queue, due now, in their order (a copy became free). */
  unblock(step: StepBuilder, predicate: (row: AgendaRow) => boolean): void {
    for (const row of this.blocked.values()) {
      if (predicate(row)) step.rewrite({ ...row, kind: 'delivery', dueMs: this.nowMs });
    }
  }

  /** Every actor's persisted snapshot and the world state, as stored for resuming and seeking. */
  snapshotText(): string {
    const actors: Record<string, unknown> = {};
    for (const [id, actor] of this.actors) actors[id] = actor.getPersistedSnapshot();
    return JSON.stringify({ actors, state: this.state, nowMs: this.nowMs });
  }
}
