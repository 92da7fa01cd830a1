#!/usr/bin/env node
// `npm start`: builds what is needed, then opens the desktop window when Electron can run here,
// or serves the same UI to a browser from the local web host. It says which and why.
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfNeeded, root } from './build-if-needed.mjs';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(`Usage: npm start -- [--web] [--port N] [--no-open] [--db <path>]
  --web        serve the UI to a browser instead of opening the desktop window
  --port N     port of the local web host (default: a random free port)
  --no-open    do not open a browser (browser mode)
  --db <path>  workspace file (default: workspace.baton.db in Baton's folder of the user's data)`);
  process.exit(0);
}

const electronDir = join(root, 'node_modules', 'electron');

/** The Electron binary, fetching it once if it is missing; null with a reason when impossible. */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  const present = () =>
    existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
  if (!present()) {
    console.log("Electron's binary is not installed yet; trying to download it once…");
    const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
      stdio: ['ignore', 'inherit', 'pipe'],
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (result.status !== 0 || !present()) {
      const cause = (result.stderr ?? '').split('\n').find((line) => line.trim()) ?? 'no answer';
      return {
        reason: `Electron's binary is not installed and could not be downloaded: ${cause.trim()}`,
      };
    }
  }
  return { path: join(electronDir, 'dist', readFileSync(pathFile, 'utf8')) };
}

/**
 * better-sqlite3 built for Electron's ABI, kept apart from the Node build that tests and the CLI
 * use. Building it downloads Electron's headers once.
 */
function sqliteForElectron() {
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const target = join(root, '.cache', 'electron-native', version, 'better_sqlite3.node');
  if (existsSync(target)) return { path: target };
  const nodeGyp = process.env.npm_config_node_gyp;
  if (!nodeGyp) return { reason: 'node-gyp was not found (run this through `npm start`)' };
  console.log(`Building better-sqlite3 for Electron ${version} (once; needs the internet)…`);
  const work = mkdtempSync(join(tmpdir(), 'baton-sqlite-'));
  try {
    cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
    const result = spawnSync(
      process.execPath,
      [
        nodeGyp,
        'rebuild',
        '--release',
        `--target=${version}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ],
      // A nodedir inherited from npm's config would make node-gyp build for Node instead.
      { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } },
    );
    if (result.status !== 0)
      return { reason: 'better-sqlite3 could not be built for Electron (offline?)' };
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
    return { path: target };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Desktop mode if everything it needs is here; otherwise the reason it is not. */
function chooseMode() {
  if (argv.includes('--web')) return { mode: 'browser', reason: 'asked for with --web' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { mode: 'browser', reason: 'there is no display to open a window on' };
  }
  const electron = electronBinary();
  if (!electron.path) return { mode: 'browser', reason: electron.reason };
  const sqlite = sqliteForElectron();
  if (!sqlite.path) return { mode: 'browser', reason: sqlite.reason };
  return { mode: 'desktop', electron: electron.path, sqlite: sqlite.path };
}

async function openInBrowser(url) {
  const { default: open } = await import('open');
  await open(url);
}

try {
  buildIfNeeded();
} catch (error) {
  console.error(`baton: ${error.message}`);
  process.exit(1);
}

const choice = chooseMode();
if (choice.mode === 'desktop') {
  console.log('Opening Baton in its desktop window.');
  const child = spawn(choice.electron, [root, '--', ...argv], {
    stdio: 'inherit',
    env: { ...process.env, BATON_SQLITE_BINDING: choice.sqlite, ELECTRON_RUN_AS_NODE: '' },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const { runBrowserMode } = await import('../out/main/server.js');
  const canOpen =
    process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  await runBrowserMode({
    argv: argv.filter((arg) => arg !== '--web'),
    reason: choice.reason,
    openUrl: canOpen ? openInBrowser : undefined,
  }).catch((error) => {
    console.error(`baton: ${error.message}`);
    process.exit(error.code === 'invalid-input' ? 2 : 1);
  });
}
