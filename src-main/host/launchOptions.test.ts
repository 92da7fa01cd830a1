import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src-shared/contract/errors';
import { defaultWorkspacePath, launchUsage, parseLaunchOptions } from './launchOptions';

/** The error parsing `argv` must fail with. */
function parseFailure(argv: string[]): BatonError {
  let thrown: unknown;
  try {
    parseLaunchOptions(argv);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(BatonError);
  return thrown as BatonError;
}

describe('parseLaunchOptions: flags', () => {
  it('given no flags, then it is the desktop, opening a browser when needed, on a random port, with the default workspace', () => {
    expect(parseLaunchOptions([])).toEqual({
      web: false,
      open: true,
      port: 0,
      workspacePath: defaultWorkspacePath(),
    });
  });

  it.each([
    [['--web'], { web: true, open: true, port: 0 }],
    [['--no-open'], { web: false, open: false, port: 0 }],
    [['--port', '8123'], { web: false, open: true, port: 8123 }],
    [['--port=8123'], { web: false, open: true, port: 8123 }],
    [['--port', '0'], { web: false, open: true, port: 0 }],
    [['--port', '65535'], { web: false, open: true, port: 65535 }],
    [['--web', '--no-open', '--port', '9000'], { web: true, open: false, port: 9000 }],
  ])('given %j, then the options are %j', (argv, expected) => {
    expect(parseLaunchOptions(argv)).toMatchObject(expected);
  });

  it('given --db with a relative path, then the workspace path is absolute, resolved from the working folder', () => {
    const options = parseLaunchOptions(['--db', 'data/my.baton.db']);

    expect(isAbsolute(options.workspacePath)).toBe(true);
    expect(options.workspacePath).toBe(join(process.cwd(), 'data', 'my.baton.db'));
  });

  it('given --db with an absolute path, then it is kept', () => {
    const path = resolve('/tmp/elsewhere/work.baton.db');

    expect(parseLaunchOptions([`--db=${path}`]).workspacePath).toBe(path);
  });
});

describe('parseLaunchOptions: refused flags', () => {
  it.each([['abc'], ['65536'], ['70000'], ['80.5'], ['-1']])(
    'given --port %s, then it is invalid input',
    (port) => {
      const error = parseFailure([`--port=${port}`]);

      expect(error.code).toBe('invalid-input');
      expect(error.message).toMatch(/--port must be a number from 0 to 65535/);
      expect(error.message).toContain(`"${port}"`);
    },
  );

  it.each([
    ['an unknown flag', ['--verbose'], /--verbose/],
    ['a positional argument', ['workspace.db'], /workspace\.db/],
    ['--port without a value', ['--port'], /--port/],
    ['--db without a value', ['--db'], /--db/],
    ['a value for a boolean flag', ['--web=yes'], /--web/],
  ])('given %s, then it is invalid input with the usage', (_scenario, argv, named) => {
    const error = parseFailure(argv);

    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(named);
    expect(error.message).toContain(launchUsage);
  });

  // Regression (fixed; src-main/host/launchOptions.ts, `Number(values.port)`): Number('') is 0, so `--port=`
  // silently means "a random port" instead of being refused like any other bad port.
  it('given an empty --port, then it is invalid input', () => {
    expect(parseFailure(['--port=']).code).toBe('invalid-input');
  });
});

describe('defaultWorkspacePath', () => {
  const file = ['Baton', 'workspace.baton.db'] as const;

  it.each([
    [
      'linux with XDG_CONFIG_HOME',
      'linux',
      { XDG_CONFIG_HOME: '/xdg/config' },
      join('/xdg/config', ...file),
    ],
    ['linux without XDG_CONFIG_HOME', 'linux', {}, join(homedir(), '.config', ...file)],
    ['freebsd (like linux)', 'freebsd', {}, join(homedir(), '.config', ...file)],
    [
      'darwin',
      'darwin',
      { XDG_CONFIG_HOME: '/ignored' },
      join(homedir(), 'Library', 'Application Support', ...file),
    ],
    [
      'win32 with APPDATA',
      'win32',
      { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' },
      join('C:\\Users\\ada\\AppData\\Roaming', ...file),
    ],
    ['win32 without APPDATA', 'win32', {}, join(homedir(), 'AppData', 'Roaming', ...file)],
  ] as const)('given %s, then the workspace is %s', (_scenario, platform, env, expected) => {
    expect(defaultWorkspacePath(platform, env)).toBe(expected);
  });

  // Regression (fixed; src-main/host/launchOptions.ts, defaultWorkspacePath): an empty XDG_CONFIG_HOME is used
  // as is (`??` keeps ''), giving the relative path "Baton/workspace.baton.db"; the XDG spec and
  // Electron treat an empty value as unset.
  it('given linux with an empty XDG_CONFIG_HOME, then the ~/.config fallback is used', () => {
    expect(defaultWorkspacePath('linux', { XDG_CONFIG_HOME: '' })).toBe(
      join(homedir(), '.config', ...file),
    );
  });
});
