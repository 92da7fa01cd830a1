#!/usr/bin/env node
// Makes docs/screenshot.png for the README: a workspace with an order saga and a shipment map,
// served by the real web host and photographed in Chromium.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfNeeded, root } from './build-if-needed.mjs';
import { launchChromium } from './chromium.mjs';
import { startHostProcess } from './host-process.mjs';

const el = (id, type, name, x, y) => ({ element: { id, type, name }, shape: { x, y } });
const saga = [
  el('start', 'startEvent', 'Order placed', 40, 148),
  el('reserveStock', 'serviceTask', 'Reserve stock', 140, 140),
  el('chargePayment', 'serviceTask', 'Charge payment', 360, 140),
  el('bigOrder', 'exclusiveGateway', 'Big order?', 580, 144),
  el('managerApproval', 'userTask', 'Manager approval', 700, 40),
  el('shipOrder', 'serviceTask', 'Ship order', 700, 240),
  el('done', 'endEvent', 'Order shipped', 940, 248),
];
const links = [
  ['start', 'reserveStock'],
  ['reserveStock', 'chargePayment'],
  ['chargePayment', 'bigOrder'],
  ['bigOrder', 'managerApproval'],
  ['bigOrder', 'shipOrder'],
  ['managerApproval', 'shipOrder'],
  ['shipOrder', 'done'],
];
const document = {
  formatVersion: 1,
  kind: 'flow',
  model: {
    elements: saga.map((item) => item.element),
    connections: links.map(([source, target], i) => ({ id: `flow_${i + 1}`, source, target })),
  },
  diagram: { shapes: Object.fromEntries(saga.map((item) => [item.element.id, item.shape])) },
};

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
  await call('workflows.create', { kind: 'flow', name: 'Refund flow' });
  const flow = await call('workflows.create', { kind: 'flow', name: 'Order saga' });
  await call('drafts.save', { id: flow.id, baseRevision: 1, document });
  await call('versions.create', { id: flow.id, label: 'Reviewed with the product owner' });
  const page = await browser.newPage({ viewport: { width: 1360, height: 720 } });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Order saga (flow)' }).click();
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
