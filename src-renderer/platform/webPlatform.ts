import type { Client, EventChannel, Subscribe } from '../../src-shared/contract/contract';
import { callChannels } from '../../src-shared/contract/contract';
import { BatonError, type Envelope } from '../../src-shared/contract/errors';
import type { Platform } from './Platform';

const TOKEN_KEY = 'baton.token';
const KEEPALIVE_LIMIT = 60_000;

/**
 * The per-launch token: taken from the address fragment the host printed, then kept for this tab
 * only, and removed from the address bar so it is not shared by accident.
 */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    storage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return storage.getItem(TOKEN_KEY);
}

/** The browser platform: HTTP for calls and one WebSocket for event streams. */
export function createWebPlatform(origin: string, token: string): Platform {
  const client = Object.fromEntries(
    callChannels.map((channel) => [
      channel,
      async (input: unknown) => {
        const body = JSON.stringify(input ?? {});
        let response: Response;
        try {
          response = await fetch(`${origin}/api/${channel}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Baton-Token': token },
            body,
            // Lets the last autosave finish when the tab closes.
            keepalive: body.length < KEEPALIVE_LIMIT,
          });
        } catch {
          throw new BatonError(
            'unavailable',
            'Baton is not reachable: is `npm start` still running?',
          );
        }
        const envelope = (await response.json().catch(() => null)) as Envelope<unknown> | null;
        if (!envelope)
          throw new BatonError('internal', `${channel}: unreadable reply (${response.status})`);
        if (!envelope.ok) throw BatonError.fromInfo(envelope.error);
        return envelope.value;
      },
    ]),
  ) as Client;
  return { kind: 'browser', client, subscribe: createEventSocket(origin, token) };
}

/** One shared WebSocket, reconnecting with backoff, fanning messages out to listeners. */
function createEventSocket(origin: string, token: string): Subscribe {
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  let socket: WebSocket | undefined;
  let retryMs = 500;

  const connect = () => {
    socket = new WebSocket(
      `${origin.replace(/^http/, 'ws')}/api/events?token=${encodeURIComponent(token)}`,
    );
    socket.onopen = () => {
      retryMs = 500;
    };
    socket.onmessage = (message) => {
      const { channel, payload } = JSON.parse(String(message.data)) as {
        channel: EventChannel;
        payload: never;
      };
      listeners.get(channel)?.forEach((listener) => listener(payload));
    };
    socket.onclose = () => {
      socket = undefined;
      if (listeners.size > 0) setTimeout(connect, (retryMs = Math.min(retryMs * 2, 10_000)));
    };
  };

  return (channel, listener) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    if (!socket) connect();
    return () => {
      set.delete(listener);
      if (set.size === 0) listeners.delete(channel);
    };
  };
}
