import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium.mjs';
import { front, openApp, screenshot, startSession, type Session } from './harness';
import { loadDocument } from '../../src-shared/format/loadDocument';
import { exportBpmn } from '../../src-shared/interchange/bpmn/exportBpmn';
import { everything } from '../fixtures/bpmn/everythingFlow';

const examples = join(process.cwd(), 'assets/examples');
const files = readdirSync(examples).filter((name) => name.endsWith('.json'));
const viewerScript = join(process.cwd(), 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumPath'));
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.setContent(
    '<!doctype html><html><body><div id="canvas" style="width:1400px;height:900px"></div></body></html>',
  );
  // bpmn-js (a dev dependency) is the reference reader of BPMN 2.0 XML with DI.
  await page.addScriptTag({ path: viewerScript });
});
afterAll(async () => {
  await browser?.close();
});

interface ViewerResult {
  readonly warnings: readonly string[];
  readonly shapes: readonly string[];
  readonly connections: readonly string[];
}

/** Imports `xml` into a fresh bpmn-js viewer and lists its warnings and what it drew. */
function importInBpmnJs(xml: string): Promise<ViewerResult> {
  return page.evaluate(async (text) => {
    const BpmnJS = (window as unknown as { BpmnJS: new (options: object) => BpmnViewer }).BpmnJS;
    interface BpmnViewer {
      importXML(xml: string): Promise<{ warnings: { message: string }[] }>;
      get(name: 'elementRegistry'): {
        getAll(): { id: string; type: string; waypoints?: unknown[]; labelTarget?: unknown }[];
      };
      destroy(): void;
    }
    const viewer = new BpmnJS({ container: '#canvas' });
    try {
      const { warnings } = await viewer.importXML(text);
      const drawn = viewer
        .get('elementRegistry')
        .getAll()
        .filter((element) => !element.labelTarget);
      return {
        warnings: warnings.map((warning) => warning.message),
        shapes: drawn.filter((element) => !element.waypoints).map((element) => element.id),
        connections: drawn.filter((element) => element.waypoints).map((element) => element.id),
      };
    } finally {
      viewer.destroy();
    }
  }, xml);
}

describe('the BPMN Baton exports, read by bpmn-js (Chromium)', () => {
  it('a flow with every element type, lanes, a sub-process and routes imports with no warnings', async () => {
    const result = await importInBpmnJs(exportBpmn(everything));
    expect(result.warnings).toEqual([]);
    for (const element of everything.model.elements) expect(result.shapes).toContain(element.id);
    for (const connection of everything.model.connections) {
      expect(result.connections).toContain(connection.id);
    }
  });

  it.each(files)('%s imports with no warnings and every element drawn', async (name) => {
    const loaded = loadDocument(readFileSync(join(examples, name), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.message);
    const { document } = loaded;

    const result = await importInBpmnJs(exportBpmn(document));

    expect(result.warnings).toEqual([]);
    for (const element of document.model.elements) expect(result.shapes).toContain(element.id);
    for (const connection of document.model.connections) {
      expect(result.connections).toContain(connection.id);
    }
  });
});

describe('importing BPMN in the app (Chromium, the built UI on the local web host)', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens a MIWG file from Import…, draws its elements and shows the import report', async () => {
    const page = await openApp(session);
    await page.getByRole('button', { name: 'Import…' }).waitFor();
    await page
      .getByLabel('Baton JSON or BPMN file to import')
      .setInputFiles(join(process.cwd(), 'test/fixtures/bpmn-miwg/A.2.0.bpmn'));

    const dialog = page.getByRole('dialog', { name: 'Imported “A.2.0.bpmn”' });
    await dialog.waitFor();
    const rows = dialog.getByRole('table', { name: 'Import report' }).getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThan(2);
    await dialog.getByText('an abstract task: imported as a service task').first().waitFor();
    await screenshot(page, 'bpmn-import-report');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    // A.2.0: a start, four tasks, two gateways and an end, all drawn.
    await expect.poll(() => front(page).locator('.react-flow__node').count()).toBe(8);
  });
});
