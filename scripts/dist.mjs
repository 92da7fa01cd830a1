#!/usr/bin/env node
// `npm run dist`: a fresh build, then installers for this platform with electron-builder.
// Needs the internet (Electron's binary and headers, the rebuild of better-sqlite3).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildIfNeeded, root } from './build-if-needed.mjs';

buildIfNeeded();
const { status } = spawnSync(
  join(root, 'node_modules', '.bin', 'electron-builder'),
  ['--config', 'electron-builder.yml', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, npm_config_nodedir: '' },
  },
);
process.exit(status ?? 1);
