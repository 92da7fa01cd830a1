#!/usr/bin/env node
// Makes docs/screenshot.png for the README: a workspace with the worked examples imported,
// served by the real web host and photographed in Chromium.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfNeeded, root } from './build-if-needed.mjs';
import { launchChromium } from './chromium.mjs';
import { startHostProcess } from './host-process.mjs';

buildIfNeeded({ quiet: true });
const dir = mkdtempSync(join(tmpdir(), 'baton-shot-'));
const host = await startHostProcess({ db: join(dir, 'demo.baton.db') });
const call = async (channel, body) => {
  const response = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Baton-Token': host.token },
    body: JSON.stringify(body),
  });
  const envelope = await response.json();
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value;
};
const browser = await launchChromium();
try {
  await call('workflows.create', { kind: 'map', name: 'Shipment events' });
  for (const example of ['kyc-onboarding', 'media-encoding', 'customs-clearance', 'order-saga']) {
    const text = readFileSync(join(root, 'assets', 'examples', `${example}.json`), 'utf8');
    const flow = await call('workflows.import', { text });
    await call('versions.create', { id: flow.id, label: 'Reviewed with the product owner' });
  }
  const page = await browser.newPage({ viewport: { width: 1360, height: 720 } });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Order saga (flow)' }).click();
  await page.getByRole('button', { name: 'Fit view' }).click();
  await page.locator('.react-flow__node').first().waitFor();
  await page.waitForTimeout(400);
  mkdirSync(join(root, 'docs'), { recursive: true });
  await page.screenshot({ path: join(root, 'docs', 'screenshot.png') });
  console.log('docs/screenshot.png written');
} finally {
  await browser.close();
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
}
