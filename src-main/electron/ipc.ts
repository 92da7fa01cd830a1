import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { pathToFileURL } from 'node:url';
import { callChannels } from '../../src-shared/contract/contract';
import type { Envelope } from '../../src-shared/contract/errors';
import type { BatonCore } from '../host/BatonCore';

/**
 * Is this message from the main frame of one of our windows, showing our own renderer page?
 * Anything else (a subframe, a navigated page, a foreign webContents) is refused.
 */
function isTrustedSender(event: IpcMainInvokeEvent, rendererUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  if (!BrowserWindow.fromWebContents(event.sender)) return false;
  return frame.url.split('#')[0] === rendererUrl;
}

/**
 * The Electron transport: one `ipcMain.handle` per call channel, each checking the sender and
 * frame before the payload is validated and run; every event of the core is forwarded to every
 * window.
 */
export function registerIpc(core: BatonCore, rendererFile: string): () => void {
  const rendererUrl = pathToFileURL(rendererFile).href;
  for (const channel of callChannels) {
    ipcMain.handle(
      channel,
      (event, payload: unknown): Promise<Envelope<unknown>> | Envelope<unknown> => {
        if (!isTrustedSender(event, rendererUrl)) {
          return { ok: false, error: { code: 'unauthorized', message: 'untrusted sender' } };
        }
        return core.invoke(channel, payload);
      },
    );
  }
  const unsubscribe = core.events.subscribe(({ channel, payload }) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(channel, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of callChannels) ipcMain.removeHandler(channel);
  };
}
