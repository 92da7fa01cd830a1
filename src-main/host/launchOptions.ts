import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BatonError } from '../../src-shared/contract/errors';

/** What `npm start`, the Electron main process and the web host accept on the command line. */
export interface LaunchOptions {
  readonly web: boolean;
  readonly open: boolean;
  readonly port: number;
  readonly workspacePath: string;
}

export const launchUsage = `Usage: npm start -- [--web] [--port N] [--no-open] [--db <path>]
  --web        serve the UI to a browser instead of opening the desktop window
  --port N     port of the local web host (default: a random free port)
  --no-open    do not open a browser (browser mode)
  --db <path>  workspace file to use (default: ${defaultWorkspacePath()})`;

/** Parses launch flags; unknown flags and bad values are a `BatonError('invalid-input')`. */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        web: { type: 'boolean', default: false },
        'no-open': { type: 'boolean', default: false },
        port: { type: 'string' },
        db: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BatonError('invalid-input', `${(error as Error).message}\n${launchUsage}`);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (values.port?.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new BatonError(
      'invalid-input',
      `--port must be a number from 0 to 65535, not "${values.port}"`,
    );
  }
  return {
    web: values.web,
    open: !values['no-open'],
    port,
    workspacePath: values.db ? resolve(values.db) : defaultWorkspacePath(),
  };
}

/**
 * The default workspace file, in the user's data folder: the same folder Electron's
 * `app.getPath('userData')` gives for an app named Baton.
 */
export function defaultWorkspacePath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const home = homedir();
  const base =
    platform === 'win32'
      ? env.APPDATA || join(home, 'AppData', 'Roaming')
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : // An empty XDG_CONFIG_HOME counts as unset (XDG base directory spec).
          env.XDG_CONFIG_HOME || join(home, '.config');
  return join(base, 'Baton', 'workspace.baton.db');
}
