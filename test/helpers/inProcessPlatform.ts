import type { EventPayload, Subscribe } from '../../src-shared/contract/contract';
import { BatonCore, createInProcessClient } from '../../src-main/host/BatonCore';
import type { Platform } from '../../src-renderer/platform/Platform';

/**
 * The renderer's platform over the direct transport: the real services on a real SQLite
 * workspace, called in the same process. For renderer tests that need the whole stack.
 */
export function createInProcessPlatform(
  workspacePath = ':memory:',
): Platform & { core: BatonCore } {
  const core = new BatonCore({ workspacePath, mode: 'in-process' });
  const subscribe: Subscribe = (channel, listener) =>
    core.events.subscribe((message) => {
      if (message.channel === channel) listener(message.payload as EventPayload<typeof channel>);
    });
  return { kind: 'in-process', client: createInProcessClient(core), subscribe, core };
}
