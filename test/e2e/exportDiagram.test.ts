import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDiagram, renderDiagramSvg } from '../../src-shared/diagram/renderDiagramSvg';
import { loadDocument } from '../../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { openApp, resultsDir, screenshot, startSession, type Session } from './harness';

const example = join(process.cwd(), 'assets/examples/order-saga.json');

function documentIn(text: string): WorkflowDocument {
  const loaded = loadDocument(text);
  if (!loaded.ok) throw new Error(`the text does not load: ${loaded.message}`);
  return loaded.document;
}

/** Clicks a control and returns the file it downloads: its suggested name and its bytes. */
async function download(page: Page, click: () => Promise<void>) {
  const started = page.waitForEvent('download');
  await click();
  const file = await started;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** Width and height from a PNG's header (IHDR), which comes first in every PNG. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  );
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('exporting the diagram as SVG and PNG in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('downloads the drawing of the saved document as <name>.svg and a <name>.png twice its size', async () => {
    const page = await openApp(session);
    const name = documentIn(readFileSync(example, 'utf8')).name ?? 'Order saga';

    // Given the order saga, imported and open
    await page.getByRole('button', { name: 'Import…' }).waitFor();
    await page.getByLabel('Baton JSON or BPMN file to import').setInputFiles(example);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    const saved = await download(page, () =>
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    );
    const doc = documentIn(saved.bytes.toString('utf8'));

    // When the diagram is exported as SVG from the header's image menu
    const menuButton = page.getByRole('button', { name: 'Image' });
    await menuButton.click();
    const menu = page.getByRole('menu', { name: 'Image' });
    await menu.getByRole('menuitem', { name: 'Export SVG' }).waitFor();
    await screenshot(page, 'e2e-export-menu');
    const svg = await download(page, () =>
      menu.getByRole('menuitem', { name: 'Export SVG' }).click(),
    );

    // Then the file is the saved document's drawing, byte for byte, and the menu has closed
    expect(svg.name).toBe(`${name}.svg`);
    expect(svg.bytes.toString('utf8')).toBe(renderDiagramSvg(doc));
    expect(await menu.count()).toBe(0);

    // When it is exported as PNG (the keyboard opens the menu this time)
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    const png = await download(page, () => page.keyboard.press('Enter'));

    // Then it is a PNG at twice the drawing's size
    const expected = renderDiagram(doc);
    expect(png.name).toBe(`${name}.png`);
    expect(pngSize(png.bytes)).toEqual({ width: expected.width * 2, height: expected.height * 2 });

    // And Chromium decodes it into a picture that is not blank
    const viewer = await session.browser.newPage({
      viewport: { width: expected.width, height: expected.height },
    });
    try {
      const source = `data:image/png;base64,${png.bytes.toString('base64')}`;
      await viewer.setContent(
        `<body style="margin:0"><img alt="exported" src="${source}" width="${expected.width}"></body>`,
      );
      const decoded = await viewer.evaluate(async () => {
        const image = document.querySelector('img')!;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
        let inked = 0;
        for (let at = 0; at < pixels.length; at += 4) {
          if (pixels[at]! < 200 || pixels[at + 1]! < 200 || pixels[at + 2]! < 200) inked += 1;
        }
        return { width: image.naturalWidth, height: image.naturalHeight, inked };
      });
      expect(decoded.width).toBe(expected.width * 2);
      expect(decoded.height).toBe(expected.height * 2);
      // Shapes, lines and names: well past a stray pixel, well short of a filled frame.
      const share = decoded.inked / (decoded.width * decoded.height);
      expect(share).toBeGreaterThan(0.01);
      expect(share).toBeLessThan(0.5);
      mkdirSync(resultsDir, { recursive: true });
      await viewer.screenshot({ path: join(resultsDir, 'e2e-export-diagram-png.png') });
    } finally {
      await viewer.close();
    }
  });
});
