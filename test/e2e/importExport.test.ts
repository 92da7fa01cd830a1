import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { documentOf } from '../shared/documents';
import { openApp, screenshot, startSession, type Session, front } from './harness';

const example = join(process.cwd(), 'assets/examples/order-saga.json');

/** The document a file holds, failing the test when it does not load. */
function documentIn(text: string): WorkflowDocument {
  const loaded = loadDocument(text);
  if (!loaded.ok) throw new Error(`the text does not load: ${loaded.message}`);
  return loaded.document;
}

const withoutName = ({ name: _name, ...rest }: WorkflowDocument) => rest;

describe('importing and exporting Baton JSON in Chromium', () => {
  let session: Session;
  let flowFile: string;
  beforeAll(async () => {
    session = await startSession();
    // The order saga example when it is there; otherwise a small flow of our own.
    flowFile = example;
    if (!existsSync(example)) {
      flowFile = join(session.dir, 'small.baton.json');
      writeFileSync(
        flowFile,
        JSON.stringify({
          ...documentOf(
            'flow',
            [
              ['start', 'startEvent', 'Start'],
              ['charge', 'serviceTask', 'Charge card'],
              ['end', 'endEvent', 'End'],
            ],
            [
              ['f1', 'start', 'charge'],
              ['f2', 'charge', 'end'],
            ],
          ),
          name: 'Small flow',
        }),
      );
    }
  });
  afterAll(async () => {
    await session?.close();
  });

  it('imports a file, draws it, exports the same document, and refuses a broken file in words', async () => {
    const imported = documentIn(readFileSync(flowFile, 'utf8'));
    const name = imported.name ?? 'Imported flow';
    const page = await openApp(session);
    const list = page.getByRole('list', { name: 'Flows and maps' });
    const picker = page.getByLabel('Baton JSON or BPMN file to import');

    // Import through the file input: the flow is listed, opened and drawn
    await page.getByRole('button', { name: 'Import…' }).waitFor();
    await picker.setInputFiles(flowFile);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await list.getByRole('button', { name: `${name} (${imported.kind})` }).waitFor();
    await expect
      .poll(() => front(page).locator('.react-flow__node').count())
      .toBe(imported.model.elements.length);
    await expect
      .poll(() => front(page).locator('.react-flow__edge').count())
      .toBe(imported.model.connections.length);

    // Export downloads <name>.baton.json holding the same document
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${name}.baton.json`);
    const exported = documentIn(readFileSync(await file.path(), 'utf8'));
    expect(exported.name).toBe(name);
    expect(withoutName(exported)).toEqual(withoutName(imported));

    // A file from a newer Baton is refused with a clear message, and nothing is added
    const broken = join(session.dir, 'broken.json');
    writeFileSync(broken, '{"formatVersion": 99}');
    await picker.setInputFiles(broken);
    const banner = page.getByRole('alert');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(
      'Could not import “broken.json”: This document was made by a newer Baton (format 99; ' +
        'this Baton reads format 1). Update Baton to open it.',
    );
    expect(await list.getByRole('listitem').count()).toBe(1);
    await page.getByRole('heading', { name, level: 1 }).waitFor();

    await screenshot(page, 'e2e-import-export');
  });
});
