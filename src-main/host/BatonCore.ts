import { readFileSync } from 'node:fs';
import type { AppInfo, Client, Handlers } from '../../src-shared/contract/contract';
import type { RunStatus } from '../../src-shared/runtime/runReport';
import { callChannels } from '../../src-shared/contract/contract';
import { dispatch } from '../../src-shared/contract/dispatch';
import { BatonError, type Envelope } from '../../src-shared/contract/errors';
import { EventHub } from '../services/EventHub';
import { createWorkspaceHandlers } from '../services/createWorkspaceHandlers';
import { createRunHandlers } from '../services/createRunHandlers';
import { createEngineExportHandlers } from '../services/createEngineExportHandlers';
import { createPatternHandlers } from '../services/createPatternHandlers';
import { RunStore } from '../runtime/RunStore';
import { Runtime } from '../runtime/Runtime';
import { closeWorkspace, openWorkspace, type Workspace } from '../storage/openWorkspace';
import { CatalogRepository } from '../storage/CatalogRepository';
import { MachineRepository } from '../storage/MachineRepository';
import { PatternLinkRepository } from '../storage/PatternLinkRepository';
import { ScenarioRepository } from '../storage/ScenarioRepository';
import { WorkflowRepository } from '../storage/WorkflowRepository';

export interface CoreOptions {
  readonly workspacePath: string;
  readonly mode: AppInfo['mode'];
  readonly nativeBinding?: string;
  readonly now?: () => number;
  /** Where unexpected failures are reported; defaults to stderr. */
  readonly log?: (message: string, error: unknown) => void;
  /** Resume unfinished runs and run them in the background (default true; tests may say no). */
  readonly runInBackground?: boolean;
}

/** How often, at most, `runs.changed` tells the UI about the same run. */
const RUN_EVENT_INTERVAL_MS = 100;

/**
 * The main side in one object: the open workspace, the services behind the contract and the event
 * stream. Every transport (Electron IPC, the web host, in-process calls) wraps one of these.
 */
export class BatonCore {
  readonly events = new EventHub();
  readonly handlers: Handlers;
  readonly runtime: Runtime;
  private readonly db: Workspace;
  private readonly log: (message: string, error: unknown) => void;
  private readonly pendingRunEvents = new Map<
    string,
    { runId: string; status: RunStatus; seq: number }
  >();
  private runEventTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: CoreOptions) {
    this.db = openWorkspace({ path: options.workspacePath, nativeBinding: options.nativeBinding });
    this.log = options.log ?? ((message, error) => console.error(message, error));
    const repository = new WorkflowRepository(this.db);
    const catalog = new CatalogRepository(this.db);
    this.runtime = new Runtime({
      store: new RunStore(this.db),
      onChange: (moved) => this.queueRunEvents(moved),
      onError: (error) => this.log('[baton] the runtime stopped:', error),
    });
    const workspaceHandlers = createWorkspaceHandlers({
      repository,
      machines: new MachineRepository(this.db),
      catalog,
      scenarios: new ScenarioRepository(this.db),
      events: this.events,
      now: options.now ?? Date.now,
      info: { version: appVersion(), mode: options.mode, workspacePath: options.workspacePath },
    });
    this.handlers = {
      ...workspaceHandlers,
      ...createRunHandlers({ runtime: this.runtime, repository, catalog }),
      ...createEngineExportHandlers({ exportDocument: workspaceHandlers['workflows.export'] }),
      ...createPatternHandlers({
        repository,
        catalog,
        links: new PatternLinkRepository(this.db),
        events: this.events,
        exportDocument: workspaceHandlers['workflows.export'],
        now: options.now ?? Date.now,
      }),
    };
    if (options.runInBackground !== false) {
      this.runtime.resumeAll();
      this.runtime.startLoop();
    }
  }

  /** Batches run progress into `runs.changed` events: at most one per run per interval. */
  private queueRunEvents(
    moved: readonly { runId: string; status: RunStatus; seq: number }[],
  ): void {
    for (const run of moved) this.pendingRunEvents.set(run.runId, run);
    if (this.runEventTimer) return;
    this.runEventTimer = setTimeout(() => {
      this.runEventTimer = undefined;
      const runs = [...this.pendingRunEvents.values()];
      this.pendingRunEvents.clear();
      if (runs.length > 0) this.events.emit('runs.changed', { runs });
    }, RUN_EVENT_INTERVAL_MS);
  }

  /** Validates and runs one call; never throws. */
  invoke(channel: string, payload: unknown): Promise<Envelope<unknown>> {
    return dispatch(this.handlers, channel, payload, (name, error) =>
      this.log(`[baton] ${name} failed:`, error),
    );
  }

  /**
   * Stops the runtime (a step computed but not yet committed is simply taken again at the next
   * start), then closes the workspace after flushing it; safe to call twice.
   */
  close(): void {
    this.runtime.close();
    if (this.runEventTimer) clearTimeout(this.runEventTimer);
    closeWorkspace(this.db);
  }
}

/** The direct transport: the same validation and handlers, called in the same process. */
export function createInProcessClient(core: BatonCore): Client {
  return Object.fromEntries(
    callChannels.map((channel) => [
      channel,
      async (input: unknown) => {
        const envelope = await core.invoke(channel, input);
        if (!envelope.ok) throw BatonError.fromInfo(envelope.error);
        return envelope.value;
      },
    ]),
  ) as Client;
}

let cachedVersion: string | undefined;
function appVersion(): string {
  if (cachedVersion) return cachedVersion;
  try {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version?: string };
    cachedVersion = pkg.version ?? '0.0.0';
  } catch {
    cachedVersion = '0.0.0';
  }
  return cachedVersion;
}
