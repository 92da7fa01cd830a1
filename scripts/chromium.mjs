// Finding and launching an installed Chromium for end-to-end tests and benchmarks.
// Never `playwright install`: it downloads a browser, which this project must not need.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

const howToGetOne = `No Chromium was found. Install one (Debian/Ubuntu: \`sudo apt-get install chromium\`) or set CHROME_PATH to a Chromium or Chrome executable.`;

/** The Chromium to use; installs Debian's package when running as root with apt, if allowed. */
export function findChromium({ install = true } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  const canApt =
    install && process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0;
  if (!canApt) throw new Error(howToGetOne);
  console.log("Installing Debian's chromium for the browser tests (apt-get)…");
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = candidates.find((path) => existsSync(path));
  if (!installed) throw new Error(howToGetOne);
  return installed;
}

/** Launches headless Chromium (with a fresh profile of its own) and the flags this environment needs. */
export async function launchChromium(executablePath = findChromium()) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}
