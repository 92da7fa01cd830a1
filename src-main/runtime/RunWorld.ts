import type { AnyActorRef } from 'xstate';
import { pendingCompensation } from '../../src-shared/compiler/machineSetup';
import type { FlowMachineContext } from '../../src-shared/compiler/machineTypes';
import type { MockOutcome } from '../../src-shared/model/catalog';
import type { Breakpoint, DebugStop } from '../../src-shared/runtime/debug';
import { choiceFor, hashText } from '../../src-shared/runtime/random';
import type { Scenario } from '../../src-shared/runtime/scenario';
import type { RunStatus } from '../../src-shared/runtime/runReport';
import type { RunDefinition } from './definition';
import {
  loadMachine,
  sendEvent,
  startActor,
  withData,
  type EffectRequest,
  type MachinePart,
} from './machines';
import type { AgendaRow, JournalRow, RunRow, StepWrite } from './RunStore';

/**
 * How often (in machine events) a run's machines are snapshotted, for resuming and seeking. A seek
 * restores the snapshot before its point and replays the events after it, so this bounds its work:
 * 128 keeps the p99 seek in a 100,000-entry run well under 16 ms (DESIGN.md §6, `npm run bench
 * runtime`) for one snapshot, a few KB, every 128 events.
 */
export const SNAPSHOT_INTERVAL = 128;

/** What the runtime keeps about one actor of a run: which machine, and who waits for it. */
export interface ActorInfo {
  /** `root` or `flowId@version` (a key of the definition's flows). */
  readonly machine: string;
  readonly part: MachinePart;
  /** For a started flow: the actor and the result event that reports its end. */
  readonly parent?: { readonly actor: string; readonly reply: Readonly<Record<string, unknown>> };
  readonly input?: Readonly<Record<string, unknown>>;
}

/** The part of a run's state that is not in its journal, agenda or machines: kept on its row. */
export interface WorldState {
  seq: number;
  nextAgenda: number;
  nextEvent: number;
  nextDelivery: number;
  nextSub: number;
  eventsSinceSnapshot: number;
  actors: Record<string, ActorInfo>;
  /** The business outcome once the instance ended (the root flow, or a map's tracker). */
  outcome?: RunStatus;
  /** What a step could not do, which ends the run as failed. */
  fault?: string;
  /** The document's elements each actor is at now, kept as steps happen (for run lists). */
  active?: Record<string, readonly string[]>;
  /** Call attempts after the first, so far. */
  retries?: number;
  /** Outcomes a person forced on the next attempt of a call, by element id or `Service.operation`. */
  forced?: Record<string, MockOutcome>;
  /**
   * The ids of events idempotent reactions published, by `eventId|reaction|step` of the event
   * they were handling: what they publish again when handling it again (`RunDefinition.outbox`).
   */
  outbox?: Record<string, string>;
  /** `reaction|eventId` of the events deduplicating reactions have handled: their inboxes. */
  inbox?: Record<string, true>;
}

/** Everything one step writes; `RunWorld.step` fills it and the runtime commits it. */
export class StepBuilder {
  readonly journal: JournalRow[] = [];
  readonly agendaDeleted: number[] = [];
  readonly agendaAdded: AgendaRow[] = [];
  constructor(readonly world: RunWorld) {}

  record(kind: string, actor: string | null, data: Record<string, unknown>): number {
    const seq = ++this.world.state.seq;
    this.journal.push({ seq, atMs: this.world.nowMs, kind, actor, data });
    return seq;
  }

  /** Adds something due at `dueMs` (null: waits until the runtime is told). Returns its id. */
  schedule(
    dueMs: number | null,
    kind: string,
    actor: string,
    data: Record<string, unknown>,
  ): number {
    const id = ++this.world.state.nextAgenda;
    this.agendaAdded.push({ id, dueMs, kind, actor, data });
    return id;
  }

  remove(id: number): void {
    this.agendaDeleted.push(id);
  }

  /** Writes an item again under its own id (deleted, then inserted, in the same commit). */
  rewrite(row: AgendaRow): void {
    if (!this.agendaDeleted.includes(row.id)) this.agendaDeleted.push(row.id);
    const earlier = this.agendaAdded.findIndex((added) => added.id === row.id);
    if (earlier >= 0) this.agendaAdded.splice(earlier, 1);
    this.agendaAdded.push(row);
  }
}

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
    return this.finishStep(step);
  }

  /** Runs one piece of work that is not an agenda item (a decision, a hand-published event). */
  async apply(work: (step: StepBuilder) => Promise<void>): Promise<StepWrite> {
    const step = new StepBuilder(this);
    await work(step);
    return this.finishStep(step);
  }

  /** A step that failed unexpectedly: the run ends failed with the reason, its agenda cleared. */
  faultWrite(message: string): StepWrite {
    const step = new StepBuilder(this);
    this.state.fault = message;
    step.record('fault', null, { message });
    for (const item of [...this.agenda, ...this.waits.values(), ...this.blocked.values()])
      step.remove(item.id);
    return this.finishStep(step);
  }

  private finishStep(step: StepBuilder): StepWrite {
    for (const id of step.agendaDeleted) {
      this.waits.delete(id);
      this.blocked.delete(id);
    }
    const deleted = new Set(step.agendaDeleted);
    if (deleted.size > 0) this.agenda = this.agenda.filter((item) => !deleted.has(item.id));
    for (const row of step.agendaAdded) this.admit(row);
    this.trackActive(step);
    this.updateStatus(step);
    let snapshot: StepWrite['snapshot'];
    if (this.state.eventsSinceSnapshot >= SNAPSHOT_INTERVAL) {
      this.state.eventsSinceSnapshot = 0;
      snapshot = { seq: this.state.seq, state: this.snapshotText() };
    }
    return {
      run: this.row.id,
      journal: step.journal,
      agendaDeleted: step.agendaDeleted,
      agendaAdded: step.agendaAdded,
      ...(snapshot ? { snapshot } : {}),
      update: {
        status: this.status,
        nowMs: this.nowMs,
        endedAtMs: this.endedAtMs,
        state: JSON.stringify(this.state),
      },
    };
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

  /**
   * The journal records where the run is as if it were never paused (pausing and stepping are
   * not inputs: a debugged run's journal is the one it would have had running freely); only the
   * status shown says `paused`.
   */
  private updateStatus(step: StepBuilder): void {
    if (this.status === 'cancelled') return;
    const previous = this.status === 'paused' ? 'running' : this.status;
    let status: RunStatus;
    if (this.state.fault) status = 'failed';
    else if (this.agenda.length > 0 && !this.nextItem()) status = 'waiting';
    else if (this.agenda.length > 0 || this.blocked.size > 0) status = 'running';
    else status = this.state.outcome ?? 'waiting';
    if (status !== previous) {
      if (status !== 'running') this.endedAtMs = this.nowMs;
      step.record('run.status', null, { status, from: previous });
    }
    this.status = status === 'running' && this.paused ? 'paused' : status;
  }

  /** Keeps `state.active` up to date for the actors this step moved. */
  private trackActive(step: StepBuilder): void {
    let active = this.state.active;
    for (const entry of step.journal) {
      if ((entry.kind !== 'event' && entry.kind !== 'actor.created') || !entry.actor) continue;
      const now = this.activeElementsOf(entry.actor);
      const was = active?.[entry.actor];
      if (now.length === 0 && !was) continue;
      active = { ...active, [entry.actor]: now };
      if (now.length === 0) delete active[entry.actor];
    }
    if (active !== this.state.active) this.state.active = active ?? {};
  }

  /**
   * The elements of the run's document an actor is at: element ids in a flow's state (and the
   * element being undone while it compensates), a map's service node while a copy handles a
   * delivery. Started flows (`sub:`) belong to other documents and count for nothing here.
   */
  private activeElementsOf(actorId: string): string[] {
    const info = this.state.actors[actorId];
    const actor = this.actors.get(actorId);
    if (!info || !actor || actorId.startsWith('sub:')) return [];
    const snapshot = actor.getSnapshot() as {
      status: string;
      value: unknown;
      context: Record<string, unknown>;
    };
    if (snapshot.status === 'done' || info.part.kind === 'tracker') return [];
    if (info.part.kind === 'service') return snapshot.context.delivery ? [info.part.node] : [];
    const names = this.definition.root.names;
    const found = new Set<string>();
    const walk = (value: unknown): void => {
      if (typeof value === 'string') {
        if (Object.hasOwn(names, value)) found.add(value);
        return;
      }
      if (typeof value !== 'object' || value === null) return;
      for (const [key, inner] of Object.entries(value)) {
        if (Object.hasOwn(names, key)) found.add(key);
        if (key === '__compensating') {
          const undoing = pendingCompensation(snapshot.context as unknown as FlowMachineContext);
          if (undoing) found.add(undoing);
        }
        walk(inner);
      }
    };
    walk(snapshot.value);
    if (snapshot.value === '__compensating') {
      const undoing = pendingCompensation(snapshot.context as unknown as FlowMachineContext);
      if (undoing) found.add(undoing);
    }
    return [...found];
  }

  /** Every actor's persisted snapshot and the world state, as stored for resuming and seeking. */
  snapshotText(): string {
    const actors: Record<string, unknown> = {};
    for (const [id, actor] of this.actors) actors[id] = actor.getPersistedSnapshot();
    return JSON.stringify({ actors, state: this.state, nowMs: this.nowMs });
  }
}

/** A short fingerprint of a machine's state and data, journaled with every event for replay checks. */
export function stateHash(snapshot: { value: unknown; context: unknown }): string {
  return hashText(
    JSON.stringify(snapshot.context),
    hashText(JSON.stringify(snapshot.value)),
  ).toString(36);
}
