import type { Catalog } from '../../src-shared/model/catalog';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { BatonError } from '../../src-shared/contract/errors';
import {
  FINAL_STATUSES,
  type RunReport,
  type RunStatus,
  type RunSummary,
} from '../../src-shared/runtime/runReport';
import type { Breakpoint, NextOutcome, RunMode, StepUntil } from '../../src-shared/runtime/debug';
import type { Decision, Scenario } from '../../src-shared/runtime/scenario';
import { applyNow, refuseIfEnded } from './applyInput';
import { branchRun, repeatOptions, type BranchOptions } from './branching';
import { createRun, type RunStartOptions } from './createRun';
import { pauseRun, resumeRun, setBreakpoints, stepRun } from './debugVerbs';
import { buildDefinition, type FlowResolver, type RunDefinition } from './definition';
import { cancelWork, decideWork, editDataWork, forceOutcomeWork, publishWork } from './inputs';
import { kick, liveWorld, notify, stopAt, type LiveRuns } from './liveRuns';
import { loadWorld } from './loadWorld';
import { buildReport } from './report';
import { summaryOf } from './runSummary';
import type { RunFilter, RunRow, RunStore, StepWrite } from './RunStore';
import type { RunWorld } from './RunWorld';
import { processBatch, runUntilIdle, safeStep, startLoop, stopLoop } from './scheduling';

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

/**
 * Runs flows and maps against mock services, durably. Runs are worlds (`RunWorld`); the runtime
 * takes one step of each run that has something due, commits the batch in one transaction, and
 * repeats. In virtual time (the default) a run's clock jumps to its next due item; in real time
 * an item waits until the wall clock, scaled by the run's speed, reaches it. A facade: scheduling
 * is in `scheduling.ts`, debugging in `debugVerbs.ts`, the runs in memory in `liveRuns.ts`.
 */
export class Runtime {
  private readonly live: LiveRuns;
  /** Element names of pinned documents, by definition hash (a definition never changes). */
  private readonly elementNames = new Map<string, Readonly<Record<string, string>>>();

  constructor(private readonly options: RuntimeOptions) {
    this.live = {
      options,
      store: options.store,
      now: options.now ?? Date.now,
      batchSize: options.batchSize ?? 1_000,
      worlds: new Map(),
      realStart: new Map(),
      stepping: new Set(),
      loop: null,
      closed: false,
    };
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
  startDefinition(definition: RunDefinition, options: RunStartOptions): RunRow {
    const world = this.createRun(definition, options);
    if (options.mode === 'debug')
      stopAt(this.live, world, { reason: 'start', seq: world.state.seq });
    this.live.worlds.set(world.uid, world);
    kick(this.live);
    notify(this.live, world);
    return this.store.run(world.row.id) as RunRow;
  }

  /** Records a run's start (its row, its first entries, its first agenda item); not yet scheduled. */
  createRun(definition: RunDefinition, options: RunStartOptions): RunWorld {
    return createRun(this.store, this.live.now, definition, options);
  }

  /** Reopens every run that has work left (after a crash or a restart) and schedules it. */
  resumeAll(): string[] {
    const resumed: string[] = [];
    for (const row of this.store.unfinished()) {
      if (!this.live.worlds.has(row.uid)) this.live.worlds.set(row.uid, loadWorld(this.store, row));
      resumed.push(row.uid);
    }
    kick(this.live);
    return resumed;
  }

  /** One step of every run that has something due, committed in one transaction. */
  processBatch(only?: ReadonlySet<string>): Promise<{ stepped: number; nextInMs: number }> {
    return processBatch(this.live, only);
  }

  /** Takes one step; a step that throws ends the run as failed, saying why. */
  safeStep(world: RunWorld): Promise<StepWrite> {
    return safeStep(world);
  }

  /** Runs until the given runs (default: all) have nothing due: what the CLI and tests use. */
  runUntilIdle(runIds?: readonly string[]): Promise<void> {
    return runUntilIdle(this.live, runIds);
  }

  /** Runs in the background (the app): batches while there is work, asleep otherwise. */
  startLoop(): void {
    startLoop(this.live);
  }

  stopLoop(): void {
    stopLoop(this.live);
  }

  /** Stops the loop; no batch is committed after this. */
  close(): void {
    this.live.closed = true;
    this.stopLoop();
  }

  /** Pauses a run by hand (`stop.reason` `pause`); nothing is journaled. */
  pause(runId: string): RunStatus {
    return pauseRun(this.live, runId);
  }

  resume(runId: string): RunStatus {
    return resumeRun(this.live, runId);
  }

  /** Replaces the breakpoints a run stops at (kept with the run; not journaled). */
  setBreakpoints(runId: string, breakpoints: readonly Breakpoint[]): void {
    setBreakpoints(this.live, runId, breakpoints);
  }

  /**
   * Takes steps of a paused run, and only of it, until `until` is met, a breakpoint stops it, it
   * ends, or it waits for a person or an event; it stays paused (`stop` says where and why).
   */
  step(runId: string, until: StepUntil): Promise<void> {
    return stepRun(this.live, runId, until);
  }

  /** Stops a run for good: nothing it has pending will happen. */
  async cancel(runId: string): Promise<RunStatus> {
    const world = liveWorld(this.live, runId);
    if (FINAL_STATUSES.has(world.status)) return world.status;
    await applyNow(this.live, world, cancelWork(world));
    return world.status;
  }

  /** A person approves or rejects a user task the run waits on. */
  async decide(
    runId: string,
    elementId: string,
    decision: Decision,
    output?: Record<string, unknown>,
  ): Promise<void> {
    const world = liveWorld(this.live, runId);
    await applyNow(this.live, world, decideWork(world, elementId, decision, output));
  }

  /** Publishes an event into a run by hand (as if from outside). */
  async publish(runId: string, type: string, payload: Record<string, unknown>): Promise<void> {
    const world = liveWorld(this.live, runId);
    refuseIfEnded(world);
    await applyNow(this.live, world, publishWork(world, type, payload));
  }

  /**
   * "What if payment fails now?": the call of `key` in flight gets `outcome`, else its next
   * attempt does. Journaled (`outcome.forced`), so resuming and replaying stay exact.
   */
  async nextOutcome(runId: string, next: NextOutcome): Promise<void> {
    const world = liveWorld(this.live, runId);
    refuseIfEnded(world);
    const entry = (seq: number) => this.store.journal(world.row.id, seq - 1, seq)[0];
    await applyNow(this.live, world, forceOutcomeWork(world, next.key, next.outcome, entry));
  }

  /** Replaces the instance data of a run where it is (journaled as `data.edited`). */
  async editData(runId: string, data: Record<string, unknown>): Promise<void> {
    const world = liveWorld(this.live, runId);
    refuseIfEnded(world);
    await applyNow(this.live, world, editDataWork(world, data));
  }

  /**
   * A new run of the same pinned definition, scenario and seed: unsteered, it writes the same
   * journal. `debug` starts it paused, with the old run's breakpoints.
   */
  rerun(runId: string, mode: RunMode = 'run'): RunRow {
    const row = this.store.runByUid(runId);
    if (!row) throw new BatonError('not-found', `there is no run ${runId}`);
    return this.startDefinition(this.definitionOf(row), repeatOptions(row, mode));
  }

  /**
   * A branch of a run after its entry `seq` (see `branchRun`), optionally with other instance
   * data; the original is left as it was. Runs on, or stays paused at the branch point (`debug`).
   */
  async fork(runId: string, options: BranchOptions): Promise<RunRow> {
    const world = await branchRun(this, runId, options);
    if (options.mode === 'debug')
      stopAt(this.live, world, { reason: 'start', seq: world.state.seq });
    if (!FINAL_STATUSES.has(world.status)) this.live.worlds.set(world.uid, world);
    kick(this.live);
    notify(this.live, world);
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
