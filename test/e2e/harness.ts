import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { launchChromium } from '../../scripts/chromium.mjs';
import { startHostProcess, type HostProcess } from '../../scripts/host-process.mjs';

export const resultsDir = join(process.cwd(), 'test-results');

/** A temporary workspace, a web host serving it and a Chromium to drive it. */
export interface Session {
  readonly dir: string;
  readonly db: string;
  host: HostProcess;
  readonly browser: Browser;
  page: Page;
  /** Stops the host with Ctrl+C and starts it again on the same workspace. */
  restartHost(): Promise<void>;
  /** Kills the host with SIGKILL (a crash) and starts it again on the same workspace. */
  crashHost(): Promise<void>;
  close(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-e2e-'));
  const db = join(dir, 'workspace.baton.db');
  const browser = await launchChromium(inject('chromiumPath'));
  const session: Session = {
    dir,
    db,
    host: await startHostProcess({ db }),
    browser,
    page: await browser.newPage({ viewport: { width: 1600, height: 900 } }),
    async restartHost() {
      expect(await session.host.stop()).toBe(0);
      session.host = await startHostProcess({ db });
    },
    async crashHost() {
      await session.host.kill();
      session.host = await startHostProcess({ db });
    },
    async close() {
      await browser.close();
      await session.host.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const errors: string[] = [];
  session.page.on('pageerror', (error) => errors.push(error.message));
  return session;
}

/** Opens the app at the host's address and waits until the workspace is listed. */
export async function openApp(session: Session): Promise<Page> {
  await session.page.goto(session.host.url);
  await session.page.locator('.app[data-ready]').waitFor();
  return session.page;
}

/** The document in front: the open tab's panel (other tabs stay mounted, hidden). */
export function front(page: Page) {
  return page.locator('.tab-panel:not([hidden])');
}

/**
 * Creates a flow or map from the sidebar and waits until its tab is the one in front, returning its
 * name. Waiting for any "Untitled flow" heading is not enough once other tabs are open: the tab
 * shown before the click matches too, and a drag started then grabs its palette, which is hidden
 * a moment later.
 */
export async function createDocument(page: Page, kind: 'flow' | 'map'): Promise<string> {
  const tabs = page.getByRole('tab');
  const before = await tabs.count();
  await page
    .getByRole('button', { name: `New ${kind}` })
    .first()
    .click();
  await expect.poll(() => tabs.count()).toBe(before + 1);
  // The new tab reads "Opening…" until the workspace's list has the new workflow.
  const selected = page.getByRole('tab', { selected: true });
  const nameOf = async () => (await selected.textContent())?.trim() ?? '';
  await expect.poll(nameOf).not.toBe('Opening…');
  const name = await nameOf();
  await front(page).getByRole('heading', { name, exact: true, level: 1 }).waitFor();
  return name;
}

/** Drags a palette item onto the canvas at a point relative to the canvas' top-left corner. */
export async function dragFromPalette(page: Page, label: string, at: { x: number; y: number }) {
  // The palette of the document in front: other tabs' documents stay mounted, hidden.
  await front(page)
    .getByRole('complementary', { name: 'Palette' })
    .getByRole('button', { name: label, exact: true })
    .dragTo(front(page).locator('.react-flow__pane'), { targetPosition: at });
}

/** The centre of an element's handle on screen. */
async function handleCentre(page: Page, elementId: string, kind: 'source' | 'target') {
  const box = await front(page)
    .locator(`.react-flow__node[data-id="${elementId}"] .handle-${kind}`)
    .boundingBox();
  if (!box) throw new Error(`no ${kind} handle on ${elementId}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Connects two elements with a real mouse drag from the source handle to the target handle. */
export async function connectByDrag(page: Page, sourceId: string, targetId: string) {
  const from = await handleCentre(page, sourceId, 'source');
  const to = await handleCentre(page, targetId, 'target');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2 + 20, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Waits until the autosave says everything is stored. */
export async function waitForSaved(page: Page) {
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
}

/** Calls the host's contract over HTTP with the session's token, as the web UI does. */
export async function callHost<T>(session: Session, channel: string, payload: unknown): Promise<T> {
  const response = await fetch(`${session.host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-baton-token': session.host.token },
    body: JSON.stringify(payload),
  });
  const envelope = (await response.json()) as
    { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value;
}
