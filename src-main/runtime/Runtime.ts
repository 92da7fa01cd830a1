import { randomUUID } from 'node:crypto';
import { BatonError } from '../../src-shared/contract/errors';
import type { Catalog } from '../../src-shared/model/catalog';
import type { WorkflowDocument } from '../../src-shared/model/document';
import {
  FINAL_STATUSES,
  type RunReport,
  type RunStatus,
  type RunSummary,
} from '../../src-shared/runtime/runReport';
import type {
  Breakpoint,
  DebugStop,
  NextOutcome,
  RunMode,
  StepUntil,
} from '../../src-shared/runtime/debug';
import type { Decision, Scenario } from '../../src-shared/runtime/scenario';
import { serviceRequesters } from './broker';
import { buildDefinition, type FlowResolver, type RunDefinition } from './definition';
import { flowRequesters } from './flowEffects';
import { sendEvent, startActor, loadMachine } from './machines';
import { onActorDone, performers } from './performers';
import { findStop, stepFacts } from './debugStops';
import { branchRun, type BranchOptions } from './branching';
import {
  cancelWork,
  decideWork,
  editDataWork,
  forceOutcomeWork,
  publishWork,
  type InputWork,
} from './inputs';
import { buildReport } from './report';
import { summaryOf } from './runSummary';
import type { RunFilter, RunStore } from './RunStore';
import { type RunRow, type StepWrite } from './RunStore';
import { RunWorld, StepBuilder, type WorldState } from './RunWorld';

export interface StartOptions {
  readonly document: WorkflowDocument;
  readonly catalog: Catalog;
  readonly resolve: FlowResolver;
  readonly scenario: Scenario;
  readonly seed?: number;
  readonly workflowId?: string;
  readonly version?: number;
  /** `debug`: the run starts paused before its first step. */
  readonly mode?: RunMode;
  readonly breakpoints?: readonly Breakpoint[];
}

/** What moved in a run, as `onChange` is told. */
export interface RunMoved {
  readonly runId: string;
  readonly status: RunStatus;
  readonly seq: number;
}

export interface RuntimeOptions {
  readonly store: RunStore;
  /** Wall clock, for row timestamps and real-time runs. */
  readonly now?: () => number;
  /** Most steps committed in one transaction (one step per run per batch). */
  readonly batchSize?: number;
  /** Told after each batch which runs moved. */
  readonly onChange?: (runs: readonly RunMoved[]) => void;
  /** Told when the background loop fails (it stops; the runs resume at the next start). */
  readonly onError?: (error: unknown) => void;
}

const requesters = { flow: flowRequesters, service: serviceRequesters };

/** The most steps one `step` call takes before it stops by itself (a run to an element never reached). */
const MAX_STEPS_PER_CALL = 100_000;

/**
 * Runs flows and maps against mock services, durably. Runs are worlds (`RunWorld`); the runtime
 * takes one step of each run that has something due, commits the batch in one transaction, and
 * repeats. In virtual time (the default) a run's clock jumps to its next due item; in real time
 * an item waits until the wall clock, scaled by the run's speed, reaches it.
 */
export class Runtime {
  private readonly worlds = new Map<string, RunWorld>();
  private readonly now: () => number;
  private readonly batchSize: number;
  private readonly realStart = new Map<string, { wall: number; virtual: number }>();
  /** Runs a `step` call is taking steps of (the loop leaves them alone). */
  private readonly stepping = new Set<string>();
  /** Element names of pinned documents, by definition hash (a definition never changes). */
  private readonly elementNames = new Map<string, Readonly<Record<string, string>>>();
  private loop: { stop: boolean; wake: () => void } | null = null;
  private closed = false;

  constructor(private readonly options: RuntimeOptions) {
    this.now = options.now ?? Date.now;
    this.batchSize = options.batchSize ?? 1_000;
  }

  get store(): RunStore {
    return this.options.store;
  }

  /** Compiles and pins what the run needs, records its start, and schedules it. */
  start(options: StartOptions): RunRow {
    const definition = buildDefinition(options.document, options.catalog, options.resolve);
    return this.startDefinition(definition, options);
  }

  /** Starts a run of an already pinned definition (a new run, or a re-simulation of an old one). */
  startDefinition(
    definition: RunDefinition,
    options: Omit<StartOptions, 'document' | 'catalog' | 'resolve'>,
  ): RunRow {
    const world = this.createRun(definition, options);
    if (options.mode === 'debug') this.stopAt(world, { reason: 'start', seq: world.state.seq });
    this.worlds.set(world.uid, world);
    this.kick();
    this.notify(world);
    return this.store.run(world.row.id) as RunRow;
  }

  /** Records a run's start (its row, its first entries, its first agenda item); not yet scheduled. */
  createRun(
    definition: RunDefinition,
    options: Omit<StartOptions, 'document' | 'catalog' | 'resolve'>,
  ): RunWorld {
    const seed = options.seed ?? options.scenario.seed ?? 1;
    const input = options.scenario.input ?? {};
    const keyField = definition.orderingKey;
    const keyed = keyField ? input[keyField] : undefined;
    const correlationId =
      options.scenario.correlationId ??
      (typeof keyed === 'string' || typeof keyed === 'number'
        ? String(keyed)
        : `${slug(definition.name)}-${seed}`);
    const state: WorldState = {
      seq: 0,
      nextAgenda: 0,
      nextEvent: 0,
      nextDelivery: 0,
      nextSub: 0,
      eventsSinceSnapshot: 0,
      actors: {},
    };
    const store = this.store;
    return store.transaction(() => {
      const definitionHash = store.putBlob(JSON.stringify(definition));
      const row = store.insertRun({
        uid: `run-${randomUUID().replace(/-/g, '').slice(0, 12)}`,
        workflowId: options.workflowId ?? null,
        version: options.version ?? null,
        name: definition.name,
        kind: definition.kind,
        definitionHash,
        scenario: JSON.stringify(options.scenario),
        seed,
        correlationId,
        status: 'running',
        nowMs: 0,
        state: JSON.stringify(state),
        parentRun: null,
        forkedAt: null,
        createdAt: this.now(),
        mode: options.mode ?? 'run',
        breakpoints: options.breakpoints ?? [],
      });
      const world = this.makeWorld(row, definition, state);
      const step = new StepBuilder(world);
      step.record('run.started', null, {
        name: definition.name,
        kind: definition.kind,
        seed,
        correlationId,
        input,
        scenario: options.scenario,
      });
      if (definition.kind === 'map')
        world.createActor('tracker', { machine: 'root', part: { kind: 'tracker' } }, step);
      else world.createActor('flow', { machine: 'root', part: { kind: 'flow' } }, step);
      step.schedule(0, 'start', definition.kind === 'map' ? 'tracker' : 'flow', {});
      for (const row of step.agendaAdded) world.admit(row);
      store.commit(
        [
          {
            run: row.id,
            journal: step.journal,
            agendaDeleted: [],
            agendaAdded: step.agendaAdded,
            update: {
              status: 'running',
              nowMs: 0,
              endedAtMs: null,
              state: JSON.stringify(world.state),
            },
          },
        ],
        this.now(),
      );
      return world;
    });
  }

  private makeWorld(row: RunRow, definition: RunDefinition, state: WorldState): RunWorld {
    const world = new RunWorld(row, definition, state, performers, requesters);
    world.onSent = onActorDone;
    return world;
  }

  /** Loads a run from storage: its machines rebuilt from the last snapshot and the journal since. */
  private load(row: RunRow): RunWorld {
    const definition = JSON.parse(this.store.blob(row.definitionHash)) as RunDefinition;
    const state = JSON.parse(row.state) as WorldState;
    const world = this.makeWorld(row, definition, state);
    const snapshot = this.store.snapshotAtOrBefore(row.id, state.seq);
    let after = 0;
    if (snapshot) {
      const saved = JSON.parse(snapshot.state) as {
        actors: Record<string, unknown>;
        state: WorldState;
      };
      for (const [id, persisted] of Object.entries(saved.actors)) {
        const info = saved.state.actors[id] ?? state.actors[id];
        if (info)
          world.actors.set(
            id,
            startActor(loadMachine(world.machineText(info.machine), info.part), persisted),
          );
      }
      after = snapshot.seq;
    }
    for (const entry of this.store.journal(row.id, after, state.seq)) {
      if (entry.kind === 'actor.created' && entry.actor && !world.actors.has(entry.actor)) {
        const info = state.actors[entry.actor];
        if (info)
          world.actors.set(
            entry.actor,
            startActor(loadMachine(world.machineText(info.machine), info.part)),
          );
      } else if (entry.kind === 'event' && entry.actor) {
        const actor = world.actors.get(entry.actor);
        if (actor) sendEvent(actor, entry.data.event as { type: string });
      } else if (entry.kind === 'data.edited' && entry.actor && world.actors.has(entry.actor)) {
        world.replaceData(entry.actor, entry.data.data as Record<string, unknown>);
      }
    }
    for (const entry of this.store.journalOfKind(row.id, 'effect')) {
      const key = String(entry.data.idempotencyKey);
      if (!world.performed.has(key))
        world.performed.set(key, { output: entry.data.output, seq: entry.seq });
    }
    for (const item of this.store.agenda(row.id)) world.admit(item);
    return world;
  }

  /** The live world of a run, loading it when it is not in memory. */
  private world(runId: string): RunWorld {
    const loaded = this.worlds.get(runId);
    if (loaded) return loaded;
    const row = this.store.runByUid(runId);
    if (!row) throw new BatonError('not-found', `there is no run ${runId}`);
    const world = this.load(row);
    this.worlds.set(runId, world);
    return world;
  }

  /** Reopens every run that has work left (after a crash or a restart) and schedules it. */
  resumeAll(): string[] {
    const resumed: string[] = [];
    for (const row of this.store.unfinished()) {
      if (!this.worlds.has(row.uid)) this.worlds.set(row.uid, this.load(row));
      resumed.push(row.uid);
    }
    this.kick();
    return resumed;
  }

  /** Whether an item of the world is due now: always in virtual time; in real time when the scaled wall clock has reached it. */
  private dueIn(world: RunWorld): number {
    const item = world.nextItem();
    if (!item || world.paused || world.status === 'cancelled') return Infinity;
    const clock = world.scenario.clock;
    if (clock?.mode !== 'real') return 0;
    let origin = this.realStart.get(world.uid);
    if (!origin) {
      origin = { wall: this.now(), virtual: world.nowMs };
      this.realStart.set(world.uid, origin);
    }
    const speed = clock.speed ?? 1;
    const dueWall = origin.wall + ((item.dueMs ?? 0) - origin.virtual) / speed;
    return Math.max(0, dueWall - this.now());
  }

  /** One step of every run that has something due, committed in one transaction. */
  async processBatch(only?: ReadonlySet<string>): Promise<{ stepped: number; nextInMs: number }> {
    const writes: StepWrite[] = [];
    const moved: { world: RunWorld; before: WorldState['active'] }[] = [];
    let nextInMs = Infinity;
    for (const world of this.worlds.values()) {
      if (only && !only.has(world.uid)) continue;
      if (this.stepping.has(world.uid)) continue;
      const wait = this.dueIn(world);
      if (wait > 0) {
        nextInMs = Math.min(nextInMs, wait);
        continue;
      }
      if (writes.length >= this.batchSize) {
        nextInMs = 0;
        break;
      }
      const before = world.state.active;
      writes.push(await this.safeStep(world));
      moved.push({ world, before });
    }
    // Closed while the batch was being worked out: nothing is committed, and the same steps are
    // taken again when the workspace next opens (they are deterministic).
    if (this.closed) return { stepped: 0, nextInMs: Infinity };
    this.store.commit(writes, this.now());
    for (const [index, { world, before }] of moved.entries()) {
      if (world.breakpoints.length > 0 && !FINAL_STATUSES.has(world.status)) {
        const journal = (writes[index] as StepWrite).journal;
        const stop = await findStop(
          world,
          stepFacts(world, journal, before ?? {}),
          world.state.seq,
        );
        if (stop) this.stopAt(world, stop);
      }
      this.forgetIfEnded(world);
    }
    if (moved.length > 0) this.notify(...moved.map(({ world }) => world));
    return { stepped: writes.length, nextInMs };
  }

  /** A run that ended with nothing left to happen leaves memory (its row keeps everything). */
  private forgetIfEnded(world: RunWorld): void {
    if (world.agenda.length === 0 && world.blocked.size === 0 && FINAL_STATUSES.has(world.status)) {
      this.worlds.delete(world.uid);
      this.realStart.delete(world.uid);
      if (world.stop) this.setStop(world, null);
    }
  }

  private notify(...worlds: RunWorld[]): void {
    this.options.onChange?.(
      worlds.map((world) => ({ runId: world.uid, status: world.status, seq: world.state.seq })),
    );
  }

  /** Pauses a run where it is, saying why (a breakpoint, a step's end, a person). */
  private stopAt(world: RunWorld, stop: DebugStop): void {
    world.paused = true;
    if (world.status === 'running') world.status = 'paused';
    this.realStart.delete(world.uid);
    this.store.setPaused(world.uid, true, this.now());
    this.setStop(world, stop);
  }

  /** Takes one step; a step that throws ends the run as failed, saying why. */
  async safeStep(world: RunWorld): Promise<StepWrite> {
    try {
      return (await world.step()) as StepWrite;
    } catch (error) {
      return world.faultWrite(`the runtime failed in a step: ${(error as Error).message}`);
    }
  }

  /** Runs until the given runs (default: all) have nothing due: what the CLI and tests use. */
  async runUntilIdle(runIds?: readonly string[]): Promise<void> {
    const only = runIds ? new Set(runIds) : undefined;
    for (;;) {
      const { stepped, nextInMs } = await this.processBatch(only);
      if (stepped > 0) continue;
      if (nextInMs === Infinity) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(nextInMs, 1_000)));
    }
  }

  /** Runs in the background (the app): batches while there is work, asleep otherwise. */
  startLoop(): void {
    if (this.loop) return;
    const loop = { stop: false, wake: () => undefined as void };
    this.loop = loop;
    const run = async () => {
      while (!loop.stop && !this.closed) {
        const { stepped, nextInMs } = await this.processBatch();
        if (stepped > 0) {
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer =
            nextInMs === Infinity ? undefined : setTimeout(resolve, Math.min(nextInMs, 1_000));
          loop.wake = () => {
            if (timer) clearTimeout(timer);
            resolve();
          };
        });
      }
    };
    run().catch((error: unknown) => {
      this.loop = null;
      this.options.onError?.(error);
    });
  }

  stopLoop(): void {
    if (!this.loop) return;
    this.loop.stop = true;
    this.loop.wake();
    this.loop = null;
  }

  /** Stops the loop; no batch is committed after this. */
  close(): void {
    this.closed = true;
    this.stopLoop();
  }

  private kick(): void {
    this.loop?.wake();
  }

  /** Pauses a run by hand (`stop.reason` `pause`); nothing is journaled. */
  pause(runId: string): RunStatus {
    const world = this.world(runId);
    if (FINAL_STATUSES.has(world.status))
      throw new BatonError(
        'conflict',
        `run ${runId} has ended (${world.status}); it cannot be paused`,
      );
    this.stopAt(world, { reason: 'pause', seq: world.state.seq });
    this.notify(world);
    return world.status;
  }

  resume(runId: string): RunStatus {
    const world = this.world(runId);
    world.paused = false;
    if (world.status === 'paused') world.status = 'running';
    this.realStart.delete(runId);
    this.store.setPaused(runId, false, this.now());
    this.setStop(world, null);
    this.kick();
    this.notify(world);
    return world.status;
  }

  /** Replaces the breakpoints a run stops at (kept with the run; not journaled). */
  setBreakpoints(runId: string, breakpoints: readonly Breakpoint[]): void {
    const row = this.store.runByUid(runId);
    if (!row) throw new BatonError('not-found', `there is no run ${runId}`);
    const world = this.worlds.get(runId);
    if (world) world.breakpoints = breakpoints;
    this.store.setBreakpoints(runId, breakpoints, this.now());
    if (world) this.notify(world);
  }

  /**
   * Takes steps of a paused run, and only of it, until `until` is met, a breakpoint stops it, it
   * ends, or it waits for a person or an event; it stays paused (`stop` says where and why).
   * Nothing is journaled but the steps themselves: the journal is the one a free run writes.
   */
  async step(runId: string, until: StepUntil): Promise<void> {
    const row = this.store.runByUid(runId);
    if (row && FINAL_STATUSES.has(row.status))
      throw new BatonError('conflict', `run ${runId} has ended (${row.status}); it cannot step`);
    const world = this.world(runId);
    if (!world.paused)
      throw new BatonError(
        'conflict',
        `run ${runId} is ${world.status}, not paused: pause it before stepping`,
      );
    if (this.stepping.has(runId))
      throw new BatonError('conflict', `run ${runId} is already taking steps`);
    if (!world.nextItem())
      throw new BatonError(
        'conflict',
        `run ${runId} is waiting for a person or an event, so it has no step to take: decide or publish first`,
      );
    this.stepping.add(runId);
    this.setStop(world, null);
    try {
      for (let taken = 1; ; taken += 1) {
        const before = world.state.active ?? {};
        const write = await this.safeStep(world);
        if (this.closed) return;
        this.store.commit([write], this.now());
        if (FINAL_STATUSES.has(world.status)) {
          this.forgetIfEnded(world);
          this.notify(world);
          return;
        }
        const seq = world.state.seq;
        const stop =
          (await findStop(world, stepFacts(world, write.journal, before), seq, until)) ??
          (world.nextItem() && taken < MAX_STEPS_PER_CALL
            ? undefined
            : { reason: 'step' as const, seq });
        if (stop) {
          this.stopAt(world, stop);
          this.notify(world);
          return;
        }
        this.notify(world);
        // Long runs to an element: let calls through now and then; a person may pause (the
        // steps end there) or continue (the run goes on by itself) meanwhile.
        if (taken % 100 === 0) {
          await new Promise((resolve) => setImmediate(resolve));
          if (this.closed || world.stop || !world.paused) return;
        }
      }
    } finally {
      this.stepping.delete(runId);
      this.kick();
    }
  }

  private setStop(world: RunWorld, stop: DebugStop | null): void {
    world.stop = stop;
    this.store.setStop(world.uid, stop, this.now());
  }

  /** Stops a run for good: nothing it has pending will happen. */
  async cancel(runId: string): Promise<RunStatus> {
    const world = this.world(runId);
    if (FINAL_STATUSES.has(world.status)) return world.status;
    await this.applyNow(world, cancelWork(world));
    return world.status;
  }

  /** A person approves or rejects a user task the run waits on. */
  async decide(
    runId: string,
    elementId: string,
    decision: Decision,
    output?: Record<string, unknown>,
  ): Promise<void> {
    const world = this.world(runId);
    await this.applyNow(world, decideWork(world, elementId, decision, output));
  }

  /** Publishes an event into a run by hand (as if from outside). */
  async publish(runId: string, type: string, payload: Record<string, unknown>): Promise<void> {
    const world = this.world(runId);
    if (FINAL_STATUSES.has(world.status))
      throw new BatonError('conflict', `run ${runId} has ended (${world.status})`);
    await this.applyNow(world, publishWork(world, type, payload));
  }

  /**
   * "What if payment fails now?": the call of `key` in flight gets `outcome`, else its next
   * attempt does. Journaled (`outcome.forced`), so resuming and replaying stay exact.
   */
  async nextOutcome(runId: string, next: NextOutcome): Promise<void> {
    const world = this.world(runId);
    if (FINAL_STATUSES.has(world.status))
      throw new BatonError('conflict', `run ${runId} has ended (${world.status})`);
    await this.applyNow(
      world,
      forceOutcomeWork(world, next.key, next.outcome, (seq) => this.entry(world, seq)),
    );
  }

  /** Replaces the instance data of a run where it is (journaled as `data.edited`). */
  async editData(runId: string, data: Record<string, unknown>): Promise<void> {
    const world = this.world(runId);
    if (FINAL_STATUSES.has(world.status))
      throw new BatonError('conflict', `run ${runId} has ended (${world.status})`);
    await this.applyNow(world, editDataWork(world, data));
  }

  private entry(world: RunWorld, seq: number) {
    return this.store.journal(world.row.id, seq - 1, seq)[0];
  }

  private async applyNow(world: RunWorld, work: InputWork): Promise<void> {
    if (this.stepping.has(world.uid))
      throw new BatonError(
        'conflict',
        `run ${world.uid} is taking steps; pause it, or try again when it stops`,
      );
    const write = await world.apply(work);
    this.store.commit([write], this.now());
    if (!this.worlds.has(world.uid)) this.worlds.set(world.uid, world);
    this.forgetIfEnded(world);
    this.notify(world);
    this.kick();
  }

  /**
   * A new run of the same pinned definition, scenario and seed: unsteered, it writes the same
   * journal. `debug` starts it paused, with the old run's breakpoints.
   */
  rerun(runId: string, mode: RunMode = 'run'): RunRow {
    const row = this.store.runByUid(runId);
    if (!row) throw new BatonError('not-found', `there is no run ${runId}`);
    return this.startDefinition(this.definitionOf(row), {
      scenario: JSON.parse(row.scenario) as Scenario,
      seed: row.seed,
      ...(row.workflowId === null ? {} : { workflowId: row.workflowId }),
      ...(row.version === null ? {} : { version: row.version }),
      mode,
      breakpoints: mode === 'debug' ? row.breakpoints : [],
    });
  }

  /**
   * A branch of a run after its entry `seq` (see `branchRun`), optionally with other instance
   * data; the original is left as it was. Runs on, or stays paused at the branch point (`debug`).
   */
  async fork(runId: string, options: BranchOptions): Promise<RunRow> {
    const world = await branchRun(this, runId, options);
    if (options.mode === 'debug') this.stopAt(world, { reason: 'start', seq: world.state.seq });
    if (!FINAL_STATUSES.has(world.status)) this.worlds.set(world.uid, world);
    this.kick();
    this.notify(world);
    return this.store.run(world.row.id) as RunRow;
  }

  /** The run report, from the journal. */
  report(runId: string): RunReport {
    const row = this.store.runByUid(runId);
    if (!row) throw new BatonError('not-found', `there is no run ${runId}`);
    const definition = JSON.parse(this.store.blob(row.definitionHash)) as RunDefinition;
    return buildReport(row, definition, this.store.journal(row.id), this.store.agenda(row.id));
  }

  /** The workspace's runs, newest first, filtered. */
  list(filter: RunFilter = {}): RunSummary[] {
    return this.store.list(filter).map((row) => summaryOf(row, this.namesOf(row)));
  }

  summary(runId: string): RunSummary {
    const row = this.store.runByUid(runId);
    if (!row) throw new BatonError('not-found', `there is no run ${runId}`);
    return summaryOf(row, this.namesOf(row));
  }

  private namesOf(row: RunRow): Readonly<Record<string, string>> {
    let names = this.elementNames.get(row.definitionHash);
    if (!names) {
      names = this.definitionOf(row).root.names;
      this.elementNames.set(row.definitionHash, names);
    }
    return names;
  }

  definitionOf(row: RunRow): RunDefinition {
    return JSON.parse(this.store.blob(row.definitionHash)) as RunDefinition;
  }
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'run'
  );
}
