import { readFileSync } from 'node:fs';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App';
import { loadDocument } from '../../src-shared/format/loadDocument';
import { importBpmn } from '../../src-shared/interchange/bpmn/importBpmn';
import { createInProcessPlatform } from '../helpers/inProcessPlatform';

describe('the Formats menu (jsdom, real services on in-memory SQLite)', { timeout: 60_000 }, () => {
  let platform: ReturnType<typeof createInProcessPlatform>;
  let blobs: Blob[];
  let clicked: string[];
  beforeEach(() => {
    platform = createInProcessPlatform();
    blobs = [];
    clicked = [];
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return 'blob:baton-test';
    };
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
  });
  afterEach(() => {
    platform.core.close();
    vi.restoreAllMocks();
  });

  async function openWorkflow(listed: string) {
    render(<App platform={platform} />);
    await userEvent.click(await screen.findByRole('button', { name: listed }, { timeout: 10_000 }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Formats' }, { timeout: 10_000 }),
    );
    return screen.getByRole('menu', { name: 'Formats' });
  }

  async function openExample(name: string, listed: string) {
    await platform.client['workflows.import']({
      text: readFileSync(`assets/examples/${name}.json`, 'utf8'),
    });
    return openWorkflow(listed);
  }

  it('downloads a flow as ASL and shows what Step Functions could not express', async () => {
    const menu = await openExample('customs-clearance', 'Customs clearance (flow)');

    await userEvent.click(within(menu).getByRole('menuitem', { name: 'AWS Step Functions (ASL)' }));

    await vi.waitFor(() => expect(clicked).toEqual(['Customs clearance.asl.json']), {
      timeout: 20_000,
    });
    expect(JSON.parse(await blobs[0]!.text())).toMatchObject({ QueryLanguage: 'JSONata' });
    const report = await screen.findByRole(
      'region',
      { name: 'Export report' },
      { timeout: 10_000 },
    );
    expect(report.textContent).toContain('agencyDecision');
    expect(report.textContent).toContain('approximated');
    expect(screen.queryByRole('menu', { name: 'Formats' })).toBeNull();
  });

  it('offers ASL for flows only: on a map it is disabled and exports nothing', async () => {
    // An empty map: React Flow's edge labels need getBBox, which jsdom lacks.
    await platform.client['workflows.create']({ kind: 'map', name: 'Shipments' });
    const menu = await openWorkflow('Shipments (map)');
    const asl = within(menu).getByRole('menuitem', { name: 'AWS Step Functions (ASL)' });

    expect(asl.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(asl);

    expect(clicked).toEqual([]);
    await userEvent.click(
      within(menu).getByRole('menuitem', { name: 'XState module (TypeScript)' }),
    );
    await vi.waitFor(() => expect(clicked).toEqual(['Shipments.machine.ts']), {
      timeout: 20_000,
    });
    expect(await blobs[0]!.text()).toContain('export const services = {');
  });

  it('downloads a flow as BPMN 2.0 that imports back as the same document', async () => {
    const text = readFileSync('assets/examples/order-saga.json', 'utf8');
    const menu = await openExample('order-saga', 'Order saga (flow)');

    await userEvent.click(within(menu).getByRole('menuitem', { name: 'BPMN 2.0 XML' }));

    await vi.waitFor(() => expect(clicked).toEqual(['Order saga.bpmn']), { timeout: 20_000 });
    const imported = await importBpmn(await blobs[0]!.text());
    const example = loadDocument(text);
    expect(imported.ok && example.ok).toBe(true);
    if (imported.ok && example.ok) {
      expect(imported.document).toEqual({ ...example.document, name: 'Order saga' });
      expect(imported.report).toEqual([]);
    }
  });
});
