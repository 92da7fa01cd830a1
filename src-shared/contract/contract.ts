import { z } from 'zod';
import type { MachineJson } from '../compiler/machineTypes';
import type { CompiledMap } from '../compiler/map/mapTypes';
import { MAX_JSON_TEXT_LENGTH } from '../format/parseJsonSafely';
import { Catalog } from '../model/catalog';
import { WorkflowDocument } from '../model/document';
import { WorkflowKind } from '../model/elementTypes';
import { WorkflowId } from '../model/ids';
import type { RunReport, RunStatus, RunSummary } from '../runtime/runReport';
import { Decision, Scenario, Seed } from '../runtime/scenario';
import type { ComparisonReport } from '../patterns/compareTypes';
import type { DeriveReportEntry, ElementMapping } from '../patterns/deriveShared';
import {
  Breakpoints,
  NextOutcome,
  RunMode,
  ScenarioName,
  StepUntil,
  type SavedScenario,
} from '../runtime/debug';

const Timestamp = z.number().int().nonnegative();
const WorkflowName = z
  .string()
  .trim()
  .min(1, 'a name cannot be empty')
  .max(120, 'a name is at most 120 characters');

export const WorkflowSummary = z.object({
  id: WorkflowId,
  kind: WorkflowKind,
  name: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  versionCount: z.number().int().nonnegative(),
});

/** The other side of a pattern lab link, as `patterns.counterpart` answers it. */
export interface PatternCounterpart {
  readonly workflow: WorkflowSummary;
  /** What the counterpart is to the workflow asked about. */
  readonly role: 'source' | 'derived';
  /** The asked workflow's element id → the counterpart's element ids that stand for it. */
  readonly mapping: ElementMapping;
}

/** One line of a BPMN import's report (see `src-shared/interchange/bpmn/importReport.ts`). */
export const ImportReportLine = z.strictObject({
  elementId: z.string(),
  type: z.string(),
  action: z.enum(['skipped', 'approximated', 'converted', 'renamed', 'ignored']),
  detail: z.string(),
  importedAs: z.string().optional(),
});
export type ImportReportLine = z.infer<typeof ImportReportLine>;

/** A workflow made by an import, with the report of a BPMN import (empty for Baton JSON). */
export const ImportedWorkflow = WorkflowSummary.extend({
  importReport: z.array(ImportReportLine).optional(),
});
export type ImportedWorkflow = z.infer<typeof ImportedWorkflow>;

export type WorkflowSummary = z.infer<typeof WorkflowSummary>;

export const VersionSummary = z.object({
  id: z.number().int().positive(),
  workflowId: WorkflowId,
  number: z.number().int().positive(),
  label: z.string(),
  createdAt: Timestamp,
});
export type VersionSummary = z.infer<typeof VersionSummary>;

/** A saved version with the document it holds (to compare with the draft, or restore it). */
export const VersionDocument = z.object({
  version: VersionSummary,
  document: WorkflowDocument,
});
export type VersionDocument = z.infer<typeof VersionDocument>;

export const OpenedWorkflow = z.object({
  workflow: WorkflowSummary,
  document: WorkflowDocument,
  /** Increases with every saved draft; a save names the revision it builds on. */
  revision: z.number().int().nonnegative(),
  savedAt: Timestamp,
});
export type OpenedWorkflow = z.infer<typeof OpenedWorkflow>;

/** One finding about a document, as `Diagnostic` (src-shared/validation) describes it. */
export const DiagnosticInfo = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  elementId: z.string().optional(),
  help: z.string(),
});

/**
 * The machine a flow version compiled to, or for a map its `CompiledMap` (`kind: 'map'`: one
 * machine per service, the broker's wiring and the instance tracker). `machine` is null when the
 * document does not compile (the diagnostics say why). `stale` is true when it was compiled by
 * another compiler version (`COMPILER_VERSION` for flows, `MAP_COMPILER_VERSION` for maps) or from
 * a document whose hash no longer matches the version's: `machines.compile` brings it up to date.
 */
export const CompiledMachine = z.object({
  versionNumber: z.number().int().positive(),
  compilerVersion: z.string(),
  /** sha-256 (hex) of the version's document as `serializeDocument` writes it. */
  documentHash: z.string(),
  machine: z.custom<MachineJson | CompiledMap>((value) => typeof value === 'object').nullable(),
  diagnostics: z.array(DiagnosticInfo),
  compiledAt: Timestamp,
  stale: z.boolean(),
});
export type CompiledMachine = z.infer<typeof CompiledMachine>;

/** A document ready to be saved as a file. */
/** The caller's name for a comparison it may cancel (a UUID). */
const CompareTicket = z.string().uuid('a comparison ticket is a UUID');

export const ExportedDocument = z.object({
  /** A file name safe on every platform: `<name>.baton.json`. */
  fileName: z.string(),
  text: z.string(),
});
export type ExportedDocument = z.infer<typeof ExportedDocument>;

/** The formats for the engines teams deploy to (`baton export --to …` names them alike). */
export const EngineFormat = z.enum(['bpmn', 'xstate', 'xstate-ts', 'asl', 'asyncapi']);
export type EngineFormat = z.infer<typeof EngineFormat>;

/** A document exported for an engine, with what the format could not express as drawn. */
export const EngineExport = z.object({
  /** `<name>.asl.json`, `<name>.asyncapi.json`, `<name>.machine.ts` or `<name>.xstate.json`. */
  fileName: z.string(),
  mimeType: z.string(),
  text: z.string(),
  report: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['unsupported', 'approximated', 'note']),
      message: z.string(),
      elementId: z.string().optional(),
    }),
  ),
});
export type EngineExport = z.infer<typeof EngineExport>;

export const AppInfo = z.object({
  version: z.string(),
  mode: z.enum(['desktop', 'browser', 'in-process']),
  workspacePath: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const MenuCommand = z.enum([
  'newFlow',
  'newMap',
  'saveVersion',
  'undo',
  'redo',
  'fitView',
  'toggleSidebar',
  'togglePalette',
  'toggleProperties',
  'toggleProblems',
  'toggleRuns',
]);
export type MenuCommand = z.infer<typeof MenuCommand>;

const byId = z.strictObject({ id: WorkflowId });
const byVersion = z.strictObject({
  id: WorkflowId,
  /** The version's number; the latest version when omitted. */
  version: z.number().int().positive().optional(),
});
const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** Results the main side builds itself are typed, not re-validated. */
const typed = <T>() => z.custom<T>(() => true);
const RunId = z.string().regex(/^run-[0-9a-f]{12}$/, 'a run id looks like run-0123456789ab');
const byRun = z.strictObject({ runId: RunId });

/** One journal entry: the runtime's single trace event (see src-main/runtime/README.md). */
export interface JournalEntry {
  readonly seq: number;
  readonly atMs: number;
  readonly kind: string;
  readonly actor: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Every machine of a run right after one journal entry (seeking in a replay). */
export interface RunState {
  readonly runId: string;
  readonly seq: number;
  readonly atMs: number;
  readonly actors: Readonly<
    Record<string, { readonly value: unknown; readonly context: unknown; readonly status: string }>
  >;
}

export interface ReplayCheck {
  readonly runId: string;
  readonly ok: boolean;
  readonly entries: number;
  readonly events: number;
  /** The run simulated again from its pinned definition, scenario and seed, compared entry by entry. */
  readonly resimulation: {
    readonly applicable: boolean;
    readonly identical: boolean;
    readonly entries: number;
    readonly reason?: string;
    readonly firstDifference?: {
      readonly seq: number;
      readonly recorded: unknown;
      readonly resimulated: unknown;
    };
  };
  readonly mismatches: readonly {
    readonly seq: number;
    readonly actor: string;
    readonly recorded: unknown;
    readonly replayed: unknown;
  }[];
}

/**
 * Every call between the UI and the main side: channel → argument and result schemas.
 * The main side validates arguments with these schemas on every transport.
 */
export const calls = {
  /** What is running and which workspace file it uses. */
  'app.info': call(z.strictObject({}), AppInfo),
  /** The workspace's flows and maps, newest change first, optionally filtered by name. */
  'workflows.list': call(
    z.strictObject({ query: z.string().max(200).optional() }),
    z.array(WorkflowSummary),
  ),
  /** Creates an empty flow or map with an empty draft. */
  'workflows.create': call(
    z.strictObject({ kind: WorkflowKind, name: WorkflowName }),
    WorkflowSummary,
  ),
  'workflows.rename': call(z.strictObject({ id: WorkflowId, name: WorkflowName }), WorkflowSummary),
  /** Copies the current draft into a new workflow (versions are not copied). */
  'workflows.duplicate': call(
    z.strictObject({ id: WorkflowId, name: WorkflowName.optional() }),
    WorkflowSummary,
  ),
  /** Deletes a workflow with its draft and versions. */
  'workflows.delete': call(byId, byId),
  /** The workflow with its current draft. */
  'workflows.open': call(byId, OpenedWorkflow),
  /**
   * Creates a flow or map from the text of a Baton JSON document (a `.baton.json` file) or, with
   * `format: 'bpmn'`, of a BPMN 2.0 XML file. The workflow is named `name`, else the document's
   * own name. A document that cannot be read is refused with `invalid-input` naming the problem,
   * and nothing is stored. A BPMN import answers with its report: what was not taken over as it
   * was (skipped, approximated, converted, renamed or ignored), for the user to see.
   */
  'workflows.import': call(
    z.strictObject({
      text: z.string().max(MAX_JSON_TEXT_LENGTH),
      name: WorkflowName.optional(),
      format: z.enum(['json', 'bpmn']).optional(),
    }),
    ImportedWorkflow,
  ),
  /**
   * The current draft as the text of a Baton JSON document, named after the workflow and with the
   * services catalog it carries, in the stable form version control diffs well.
   */
  'workflows.export': call(byId, ExportedDocument),
  /**
   * The current draft for an engine: its XState machine (JSON or a TypeScript module), AWS Step
   * Functions ASL (flows) or AsyncAPI 3.0 (maps, and flows with events), checked by the format's
   * validator. A kind the format cannot take, or a draft that does not compile, is refused with
   * `invalid-input` saying why.
   */
  'workflows.exportFor': call(
    z.strictObject({ id: WorkflowId, format: EngineFormat }),
    EngineExport,
  ),
  /**
   * Derives the other style from a draft (pattern lab): a choreography map from a flow, an
   * orchestration skeleton from a map. The result is stored as a new workflow named
   * `<name> (choreography)` or `<name> (orchestration)`; the answer carries its summary, what
   * stands for what, and the report of what was approximated or left out. A draft that cannot be
   * derived is refused with `invalid-input` saying why.
   */
  'patterns.derive': call(
    byId,
    typed<{
      workflow: WorkflowSummary;
      mapping: ElementMapping;
      report: DeriveReportEntry[];
    }>(),
  ),
  /**
   * The workflow linked to this one by the pattern lab, if any: the workflow it was derived from
   * (`role: 'source'`), else the newest workflow derived from it (`role: 'derived'`), with the
   * element mapping oriented from this workflow's element ids to the counterpart's, so both
   * views can be highlighted together. `null` when there is none (never derived, or the other
   * side was deleted). The mapping is as derived: elements edited away since may be named in it.
   */
  'patterns.counterpart': call(byId, typed<PatternCounterpart | null>()),
  /**
   * Runs two drafts under the same base scenario and a sweep of fault scenarios (slow, down,
   * fail, duplicates) with the workspace catalog, `runs` times each (20 by default), and measures
   * both from their journals (docs/compare.md).
   */
  'patterns.compare': call(
    z.strictObject({
      a: WorkflowId,
      b: WorkflowId,
      /** Names this comparison for `patterns.progress` and `patterns.cancelCompare`. */
      ticket: CompareTicket.optional(),
      seed: Seed.optional(),
      runs: z
        .number()
        .int()
        .min(1, 'at least 1 run per scenario')
        .max(100, 'at most 100 runs per scenario')
        .optional(),
    }),
    typed<ComparisonReport>(),
  ),
  /**
   * Stops the comparison with this ticket between two batches of runs; it then fails with
   * `conflict` ("the comparison was cancelled"). Answers whether one was running.
   */
  'patterns.cancelCompare': call(
    z.strictObject({ ticket: CompareTicket }),
    z.object({ cancelled: z.boolean() }),
  ),
  /** Autosave: replaces the draft if `baseRevision` is still current. */
  'drafts.save': call(
    z.strictObject({
      id: WorkflowId,
      baseRevision: z.number().int().nonnegative(),
      document: WorkflowDocument,
    }),
    z.object({ revision: z.number().int().positive(), savedAt: Timestamp }),
  ),
  /** Stores the current draft as a new immutable version. */
  'versions.create': call(
    z.strictObject({ id: WorkflowId, label: z.string().trim().max(200).optional() }),
    VersionSummary,
  ),
  'versions.list': call(byId, z.array(VersionSummary)),
  /** One saved version with its document; `not-found` names a workflow or version it lacks. */
  'versions.get': call(
    z.strictObject({ id: WorkflowId, version: z.number().int().positive() }),
    VersionDocument,
  ),
  /**
   * The workspace's catalog: services (operations, default mock behaviour) and event types
   * (owner, version, payload fields), each sorted by name.
   */
  'catalog.get': call(z.strictObject({}), Catalog),
  /**
   * Replaces the workspace's services, and its event types when `events` is given; a catalog
   * without `events` leaves the stored event types as they are.
   */
  'catalog.save': call(z.strictObject({ catalog: Catalog }), Catalog),
  /**
   * The machine a flow or map version compiled to when it was saved (the latest version by
   * default); a map's is its `CompiledMap`.
   */
  'machines.get': call(byVersion, CompiledMachine),
  /** Compiles a version again if its stored machine is stale, stores it, and returns it. */
  'machines.compile': call(byVersion, CompiledMachine),
  /**
   * Starts a run of a flow or map against mock services: of saved version `version`, or of the
   * current draft when it is omitted. The run is pinned to the machines compiled now; it goes on
   * in the background (watch `runs.changed`). A document that does not compile is refused with
   * `invalid-input` naming its errors.
   */
  'runs.start': call(
    z.strictObject({
      id: WorkflowId,
      version: z.number().int().positive().optional(),
      scenario: Scenario.optional(),
      seed: Seed.optional(),
      /** `debug` starts the run paused before its first step (stop reason `start`). */
      mode: RunMode.optional(),
      breakpoints: Breakpoints.optional(),
    }),
    typed<RunSummary>(),
  ),
  /**
   * The workspace's runs, newest first, optionally only those of some statuses, of one flow or
   * map, or whose run id, correlation id or name contains `query` (case-insensitive).
   */
  'runs.list': call(
    z.strictObject({
      limit: z.number().int().positive().max(100_000).optional(),
      statuses: z.array(z.custom<RunStatus>((value) => typeof value === 'string')).optional(),
      workflowId: WorkflowId.optional(),
      query: z.string().max(200).optional(),
    }),
    typed<RunSummary[]>(),
  ),
  /** Replaces a run's breakpoints (a run started in `run` mode then stops at them too). */
  'runs.breakpoints': call(
    z.strictObject({ runId: RunId, breakpoints: Breakpoints }),
    typed<RunSummary>(),
  ),
  /**
   * Takes steps of a paused run until `until` is met or a breakpoint stops it, then pauses it
   * again; the summary's `stop` says where and why.
   */
  'runs.step': call(z.strictObject({ runId: RunId, until: StepUntil }), typed<RunSummary>()),
  /**
   * Forces the outcome of a mock's next answer (an element id or `Service.operation`): a call of
   * it already in flight gets it, else the next one. Journaled, so a replay reproduces it.
   */
  'runs.nextOutcome': call(
    z.strictObject({ runId: RunId, next: NextOutcome }),
    typed<RunSummary>(),
  ),
  /**
   * A new run that branches off an old one after journal entry `seq` (its current point when
   * omitted): the same definition, scenario and seed, the same journal up to there, then the
   * instance data replaced by `data` when given. The original run is left as it was.
   */
  'runs.fork': call(
    z.strictObject({
      runId: RunId,
      seq: z.number().int().nonnegative().optional(),
      data: z.record(z.string(), z.unknown()).optional(),
      mode: RunMode.optional(),
    }),
    typed<RunSummary>(),
  ),
  /** Runs a finished or unfinished run's pinned definition again with its scenario and seed. */
  'runs.rerun': call(
    z.strictObject({ runId: RunId, mode: RunMode.optional() }),
    typed<RunSummary>(),
  ),
  /** The scenarios saved with a flow or map, by name. */
  'scenarios.list': call(z.strictObject({ workflowId: WorkflowId }), typed<SavedScenario[]>()),
  /** Saves (or replaces) a named scenario of a flow or map. */
  'scenarios.save': call(
    z.strictObject({ workflowId: WorkflowId, name: ScenarioName, scenario: Scenario }),
    typed<SavedScenario>(),
  ),
  'scenarios.delete': call(
    z.strictObject({ workflowId: WorkflowId, name: ScenarioName }),
    z.strictObject({ deleted: z.boolean() }),
  ),
  /** A run's report (DESIGN.md §5), built from its journal: steps, events, verdict. */
  'runs.get': call(byRun, typed<RunReport>()),
  /** Stops taking steps of a run until `runs.resume`; nothing pending is lost. */
  'runs.pause': call(byRun, typed<RunSummary>()),
  'runs.resume': call(byRun, typed<RunSummary>()),
  /** Ends a run for good: nothing it has pending happens. */
  'runs.cancel': call(byRun, typed<RunSummary>()),
  /** Approves or rejects a user task the run is waiting on. */
  'runs.decide': call(
    z.strictObject({ runId: RunId, elementId: z.string().min(1).max(200), decision: Decision }),
    typed<RunSummary>(),
  ),
  /** Publishes an event into a run by hand, as if from outside. */
  'runs.publish': call(
    z.strictObject({
      runId: RunId,
      eventType: z.string().min(1).max(128),
      payload: z.record(z.string(), z.unknown()).optional(),
    }),
    typed<RunSummary>(),
  ),
  /** Journal entries after `after`, at most `limit` of them, in order. */
  'runs.journal': call(
    z.strictObject({
      runId: RunId,
      after: z.number().int().nonnegative().optional(),
      limit: z.number().int().positive().max(100_000).optional(),
    }),
    typed<{ entries: JournalEntry[]; last: number }>(),
  ),
  /** Every machine of a run right after journal entry `seq` (fast at any point). */
  'runs.stateAt': call(
    z.strictObject({ runId: RunId, seq: z.number().int().nonnegative() }),
    typed<RunState>(),
  ),
  /**
   * Replays a run's journal on fresh machines and checks it reaches the same states, then
   * simulates it again from its pinned definition, scenario and seed and compares every entry.
   */
  'runs.replay': call(byRun, typed<ReplayCheck>()),
} as const;

/**
 * Every event stream from the main side to the UI: channel → payload schema.
 */
export const events = {
  /** The list of workflows changed (created, renamed, deleted, saved elsewhere). */
  'workflows.changed': z.object({
    id: WorkflowId,
    change: z.enum(['created', 'updated', 'deleted']),
  }),
  /** Runs moved: after each batch of steps, the runs that took one (throttled per run). */
  'runs.changed': z.object({
    runs: z.array(z.object({ runId: z.string(), status: z.custom<RunStatus>(), seq: z.number() })),
  }),
  /** A comparison with a ticket moved on: its runs done out of all, and the scenario running. */
  'patterns.progress': z.object({
    ticket: z.string(),
    done: z.number(),
    total: z.number(),
    scenario: z.string(),
  }),
  /** The user picked a command from the native menu (desktop only). */
  'menu.invoked': z.object({ command: MenuCommand }),
} as const;

export type Calls = typeof calls;
export type CallChannel = keyof Calls;
export type CallInput<C extends CallChannel> = z.input<Calls[C]['input']>;
export type CallOutput<C extends CallChannel> = z.output<Calls[C]['output']>;
export type Events = typeof events;
export type EventChannel = keyof Events;
export type EventPayload<E extends EventChannel> = z.output<Events[E]>;

export const callChannels = Object.keys(calls) as CallChannel[];
export const eventChannels = Object.keys(events) as EventChannel[];

export function isCallChannel(name: string): name is CallChannel {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

/** The implementation of every call: what the main side provides and every transport carries. */
export type Handlers = {
  [C in CallChannel]: (
    input: z.output<Calls[C]['input']>,
  ) => CallOutput<C> | Promise<CallOutput<C>>;
};

/** The caller's side of the contract: one async function per channel. */
export type Client = {
  [C in CallChannel]: (input: CallInput<C>) => Promise<CallOutput<C>>;
};

/** Subscribing to an event stream returns the function that unsubscribes. */
export type Subscribe = <E extends EventChannel>(
  channel: E,
  listener: (payload: EventPayload<E>) => void,
) => () => void;
