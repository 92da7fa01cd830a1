import { readFileSync } from 'node:fs';
import type { AppInfo, Client, Handlers } from '../../src-shared/contract/contract';
import { callChannels } from '../../src-shared/contract/contract';
import { dispatch } from '../../src-shared/contract/dispatch';
import { BatonError, type Envelope } from '../../src-shared/contract/errors';
import { EventHub } from '../services/EventHub';
import { createWorkspaceHandlers } from '../services/createWorkspaceHandlers';
import { closeWorkspace, openWorkspace, type Workspace } from '../storage/openWorkspace';
import { CatalogRepository } from '../storage/CatalogRepository';
import { MachineRepository } from '../storage/MachineRepository';
import { WorkflowRepository } from '../storage/WorkflowRepository';

export interface CoreOptions {
  readonly workspacePath: string;
  readonly mode: AppInfo['mode'];
  readonly nativeBinding?: string;
  readonly now?: () => number;
  /** Where unexpected failures are reported; defaults to stderr. */
  readonly log?: (message: string, error: unknown) => void;
}

/**
 * The main side in one object: the open workspace, the services behind the contract and the event
 * stream. Every transport (Electron IPC, the web host, in-process calls) wraps one of these.
 */
export class BatonCore {
  readonly events = new EventHub();
  readonly handlers: Handlers;
  private readonly db: Workspace;
  private readonly log: (message: string, error: unknown) => void;

  constructor(options: CoreOptions) {
    this.db = openWorkspace({ path: options.workspacePath, nativeBinding: options.nativeBinding });
    this.log = options.log ?? ((message, error) => console.error(message, error));
    this.handlers = createWorkspaceHandlers({
      repository: new WorkflowRepository(this.db),
      machines: new MachineRepository(this.db),
      catalog: new CatalogRepository(this.db),
      events: this.events,
      now: options.now ?? Date.now,
      info: { version: appVersion(), mode: options.mode, workspacePath: options.workspacePath },
    });
  }

  /** Validates and runs one call; never throws. */
  invoke(channel: string, payload: unknown): Promise<Envelope<unknown>> {
    return dispatch(this.handlers, channel, payload, (name, error) =>
      this.log(`[baton] ${name} failed:`, error),
    );
  }

  /** Closes the workspace after flushing it; safe to call twice. */
  close(): void {
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
