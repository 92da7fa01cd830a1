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
import type { Decision, Scenario } from '../../src-shared/runtime/scenario';
import { serviceRequesters } from './broker';
import { buildDefinition, type FlowResolver, type RunDefinition } from './definition';
import { flowRequesters } from './flowEffects';
import { sendEvent, startActor, loadMachine } from './machines';
import { onActorDone, performers } from './performers';
import { buildReport } from './report';
import type { RunStore } from './RunStore';
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
}

export interface RuntimeOptions {
  readonly store: RunStore;
  /** Wall clock, for row timestamps and real-time runs. */
  readonly now?: () => number;
  /** Most steps committed in one transaction (one step per run per batch). */
  readonly batchSize?: number;
  /** Told after each batch which runs moved. */
  readonly onChange?: (runs: readonly { runId: string; status: RunStatus; seq: number }[]) => void;
  /** Told when the background loop fails (it stops; the runs resume at the next start). */
  readonly onError?: (error: unknown) => void;
}

const requesters = { flow: flowRequesters, service: serviceRequesters };

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
      this.worlds.set(row.uid, world);
      this.kick();
      return store.run(row.id) as RunRow;
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
    const moved: RunWorld[] = [];
    let nextInMs = Infinity;
    for (const world of this.worlds.values()) {
      if (only && !only.has(world.uid)) continue;
      const wait = this.dueIn(world);
      if (wait > 0) {
        nextInMs = Math.min(nextInMs, wait);
        continue;
      }
      if (writes.length >= this.batchSize) {
        nextInMs = 0;
        break;
      }
      writes.push(await this.safeStep(world));
      moved.push(world);
    }
    // Closed while the batch was being worked out: nothing is committed, and the same steps are
    // taken again when the workspace next opens (they are deterministic).
    if (this.closed) return { stepped: 0, nextInMs: Infinity };
    this.store.commit(writes, this.now());
    for (const world of moved) {
      if (
        world.agenda.length === 0 &&
        world.blocked.size === 0 &&
        FINAL_STATUSES.has(world.status)
      ) {
        this.worlds.delete(world.uid);
        this.realStart.delete(world.uid);
      }
    }
    if (moved.length > 0) {
      this.options.onChange?.(
        moved.map((world) => ({ runId: world.uid, status: world.status, seq: world.state.seq })),
      );
    }
    return { stepped: writes.length, nextInMs };
  }

  private async safeStep(world: RunWorld): Promise<StepWrite> {
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

  pause(runId: string): RunStatus {
    const world = this.world(runId);
    if (FINAL_STATUSES.has(world.status))
      throw new BatonError(
        'conflict',
        `run ${runId} has ended (${world.status}); it cannot be paused`,
      );
    world.paused = true;
    if (world.status === 'running') world.status = 'paused';
    this.realStart.delete(runId);
    this.store.setPaused(runId, true, this.now());
    return world.status;
  }

  resume(runId: string): RunStatus {
    const world = this.world(runId);
    world.paused = false;
    if (world.status === 'paused') world.status = 'running';
    this.realStart.delete(runId);
    this.store.setPaused(runId, false, this.now());
    this.kick();
    return world.status;
  }

  /** Stops a run for good: nothing it has pending will happen. */
  async cancel(runId: string): Promise<RunStatus> {
    const world = this.world(runId);
    if (FINAL_STATUSES.has(world.status)) return world.status;
    await this.applyNow(world, (step) => {
      for (const item of [...world.agenda, ...world.waits.values(), ...world.blocked.values()])
        step.remove(item.id);
      world.status = 'cancelled';
      world.endedAtMs = world.nowMs;
      step.record('run.status', null, { status: 'cancelled', by: 'person' });
      return Promise.resolve();
    });
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
    const wait = [...world.waits.values()].find(
      (item) =>
        (item.kind === 'person' || item.kind === 'ignored') && item.data.elementId === elementId,
    );
    if (!wait)
      throw new BatonError(
        'conflict',
        `run ${runId} is not waiting for a decision on ${elementId}`,
      );
    await this.applyNow(world, (step) => {
      step.remove(wait.id);
      step.schedule(world.nowMs, 'person', wait.actor, {
        ...wait.data,
        decision,
        by: 'person',
        ...(output ? { output } : {}),
      });
      return Promise.resolve();
    });
  }

  /** Publishes an event into a run by hand (as if from outside). */
  async publish(runId: string, type: string, payload: Record<string, unknown>): Promise<void> {
    const world = this.world(runId);
    if (FINAL_STATUSES.has(world.status))
      throw new BatonError('conflict', `run ${runId} has ended (${world.status})`);
    await this.applyNow(world, (step) => {
      step.schedule(world.nowMs, 'outside-event', 'outside', { type, payload, by: 'person' });
      return Promise.resolve();
    });
  }

  private async applyNow(
    world: RunWorld,
    work: (step: StepBuilder) => Promise<void>,
  ): Promise<void> {
    const write = await world.apply(work);
    this.store.commit([write], this.now());
    if (!this.worlds.has(world.uid)) this.worlds.set(world.uid, world);
    this.options.onChange?.([{ runId: world.uid, status: world.status, seq: world.state.seq }]);
    this.kick();
  }

  /** The run report, from the journal. */
  report(runId: string): RunReport {
    const row = this.store.runByUid(runId);
    if (!row) throw new BatonError('not-found', `there is no run ${runId}`);
    const definition = JSON.parse(this.store.blob(row.definitionHash)) as RunDefinition;
    return buildReport(row, definition, this.store.journal(row.id), this.store.agenda(row.id));
  }

  /** The workspace's runs, newest first. */
  list(limit?: number): RunSummary[] {
    return this.store.list(limit).map((row) => summaryOf(row));
  }

  summary(runId: string): RunSummary {
    const row = this.store.runByUid(runId);
    if (!row) throw new BatonError('not-found', `there is no run ${runId}`);
    return summaryOf(row);
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

function summaryOf(row: RunRow): RunSummary {
  const state = JSON.parse(row.state) as WorldState;
  return {
    runId: row.uid,
    name: row.name,
    kind: row.kind,
    status: row.status,
    seed: row.seed,
    correlationId: row.correlationId,
    workflowId: row.workflowId,
    version: row.version,
    createdAt: row.createdAt,
    atMs: row.nowMs,
    endedAtMs: row.endedAtMs,
    seq: state.seq,
  };
}
