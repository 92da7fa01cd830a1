import { contextBridge, ipcRenderer } from 'electron';
import { callChannels, eventChannels } from '../../src-shared/contract/contract';

/**
 * The renderer's whole view of Electron: one function per call channel and one subscription per
 * event channel (each returning its unsubscribe function). No raw `ipcRenderer` is exposed.
 */
const invoke = Object.fromEntries(
  callChannels.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
);
const on = Object.fromEntries(
  eventChannels.map((channel) => [
    channel,
    (listener: (payload: unknown) => void) => {
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => {
        ipcRenderer.removeListener(channel, handler);
      };
    },
  ]),
);

contextBridge.exposeInMainWorld('baton', { invoke, on });
