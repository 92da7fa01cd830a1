#!/usr/bin/env node
// The `baton` command: the same code as the app, built on first use from this checkout.
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';

try {
  buildIfNeeded({ quiet: true });
} catch (error) {
  console.error(`baton: ${error.message}`);
  process.exit(1);
}
const { main } = await import('../out/main/cli.js');
process.exitCode = await main(process.argv.slice(2));
