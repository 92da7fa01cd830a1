import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BatonError } from '../../src-shared/contract/errors';
import { BatonCore } from './BatonCore';
import { parseLaunchOptions } from './launchOptions';
import { startWebHost } from './webHost';

const here = dirname(fileURLToPath(import.meta.url));

export interface BrowserModeOptions {
  readonly argv: readonly string[];
  /** Why browser mode was chosen, printed for the user. */
  readonly reason?: string;
  /** Opens a URL in the user's browser; absent: never open one. */
  readonly openUrl?: (url: string) => Promise<void>;
}

/**
 * Browser mode: opens the workspace, serves the UI on 127.0.0.1 and keeps running until Ctrl+C,
 * when it stops accepting requests, then closes the workspace so no write is lost.
 */
export async function runBrowserMode({ argv, reason, openUrl }: BrowserModeOptions): Promise<void> {
  const options = parseLaunchOptions(argv);
  const core = new BatonCore({ workspacePath: options.workspacePath, mode: 'browser' });
  const host = await startWebHost({
    core,
    port: options.port,
    staticDir: join(here, '../renderer'),
  }).catch((error: unknown) => {
    core.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new BatonError(
      'unavailable',
      code === 'EADDRINUSE' ? `port ${options.port} is already in use` : String(error),
    );
  });

  console.log(`Baton is running in browser mode${reason ? ` (${reason})` : ''}.`);
  console.log(`  Workspace: ${options.workspacePath}`);
  console.log(`  Open:      ${host.url}`);
  console.log('  Press Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nStopping (${signal})…`);
    host
      .close()
      .catch((error: unknown) => console.error('[baton] closing the web host failed', error))
      .finally(() => {
        core.close();
        console.log('Workspace closed. Bye.');
        process.exit(0);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  if (options.open && openUrl) {
    await openUrl(host.url).catch(() =>
      console.log('  (No browser could be opened; open the address above yourself.)'),
    );
  }
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  runBrowserMode({ argv: process.argv.slice(2) }).catch((error: unknown) => {
    console.error(error instanceof BatonError ? `baton: ${error.message}` : error);
    process.exit(error instanceof BatonError && error.code === 'invalid-input' ? 2 : 1);
  });
}
