import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../src-shared/contract/contract';
import { BatonError } from '../../src-shared/contract/errors';
import { loadDocument } from '../../src-shared/format/loadDocument';
import { exportBpmn } from '../../src-shared/interchange/bpmn/exportBpmn';
import { BatonCore, createInProcessClient } from './BatonCore';

let core: BatonCore;
let client: Client;

beforeEach(() => {
  let clock = 1_000;
  core = new BatonCore({ workspacePath: ':memory:', mode: 'in-process', now: () => (clock += 1) });
  client = createInProcessClient(core);
});
afterEach(() => core.close());

const miwg = (name: string) =>
  readFileSync(join(__dirname, '../../test/fixtures/bpmn-miwg', name), 'latin1');

describe('workflows.import with format "bpmn"', () => {
  it('given a MIWG file, when imported, then the flow is stored with its layout and the report comes back', async () => {
    const imported = await client['workflows.import']({ text: miwg('C.1.0.bpmn'), format: 'bpmn' });

    expect(imported.kind).toBe('flow');
    expect(imported.importReport?.length).toBeGreaterThan(0);
    expect(imported.importReport).toContainEqual(
      expect.objectContaining({
        elementId: 'archiveInvoice',
        type: 'serviceTask',
        action: 'ignored',
      }),
    );
    const opened = await client['workflows.open']({ id: imported.id });
    // <omgdc:Bounds height="80.0" width="100.0" x="368.0" y="495.0"/> in the file.
    expect(opened.document.diagram.shapes.approveInvoice).toEqual({
      x: 368,
      y: 495,
      width: 100,
      height: 80,
    });
  });

  it('given an exported example, when imported, then it is the same document with an empty report', async () => {
    const loaded = loadDocument(readFileSync('assets/examples/order-saga.json', 'utf8'));
    if (!loaded.ok) throw new Error(loaded.message);
    const imported = await client['workflows.import']({
      text: exportBpmn(loaded.document),
      format: 'bpmn',
    });
    expect(imported.name).toBe(loaded.document.name);
    expect(imported.importReport).toEqual([]);
    const { name: _name, ...document } = loaded.document;
    expect((await client['workflows.open']({ id: imported.id })).document).toEqual(document);
  });

  it('given hostile BPMN, when imported, then invalid-input names the problem and nothing is stored', async () => {
    const text =
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>';
    const error = await client['workflows.import']({ text, format: 'bpmn' }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).code).toBe('invalid-input');
    expect((error as BatonError).message).toMatch(/DOCTYPE/);
    expect(await client['workflows.list']({})).toEqual([]);
  });

  it('refuses an unknown format before any handler runs', async () => {
    const error = await client['workflows.import']({
      text: 'x',
      format: 'xpdl' as 'bpmn',
    }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect((error as BatonError).code).toBe('invalid-input');
  });
});
