import type {
  CallChannel,
  Client,
  EventChannel,
  Subscribe,
} from '../../src-shared/contract/contract';
import { callChannels } from '../../src-shared/contract/contract';
import { BatonError, type Envelope } from '../../src-shared/contract/errors';
import type { Platform } from './Platform';

/** What the preload exposes on `window.baton`. */
export interface PreloadBridge {
  readonly invoke: Record<CallChannel, (input: unknown) => Promise<Envelope<unknown>>>;
  readonly on: Record<EventChannel, (listener: (payload: unknown) => void) => () => void>;
}

declare global {
  interface Window {
    baton?: PreloadBridge;
  }
}

/** The desktop platform: calls go through the preload's one-function-per-channel bridge. */
export function createIpcPlatform(bridge: PreloadBridge): Platform {
  const client = Object.fromEntries(
    callChannels.map((channel) => [
      channel,
      async (input: unknown) => {
        const envelope = await bridge.invoke[channel](input);
        if (!envelope.ok) throw BatonError.fromInfo(envelope.error);
        return envelope.value;
      },
    ]),
  ) as Client;
  const subscribe: Subscribe = (channel, listener) =>
    bridge.on[channel]((payload) => listener(payload as never));
  return { kind: 'desktop', client, subscribe };
}
