import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src-renderer/app/App';
import { createInProcessPlatform } from '../helpers/inProcessPlatform';

const bpmnFile = (name: string, text: string) =>
  new File([text], name, { type: 'application/xml' });
const miwg = (name: string) =>
  readFileSync(join(__dirname, '../fixtures/bpmn-miwg', name), 'latin1');

describe('importing BPMN from the sidebar (jsdom, real services on in-memory SQLite)', () => {
  let platform: ReturnType<typeof createInProcessPlatform>;
  beforeEach(() => {
    platform = createInProcessPlatform();
  });
  afterEach(() => platform.core.close());

  it('opens the imported flow and lists what was not taken over as it was', async () => {
    render(<App platform={platform} />);
    await screen.findByRole('heading', { name: 'Draw your first workflow', level: 1 });

    await userEvent.upload(
      screen.getByLabelText('Baton JSON or BPMN file to import'),
      bpmnFile('C.1.0.bpmn', miwg('C.1.0.bpmn')),
    );

    const dialog = await screen.findByRole('dialog', { name: 'Imported “C.1.0.bpmn”' });
    const table = within(dialog).getByRole('table', { name: 'Import report' });
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(10);
    const archive = rows.find((row) => row.textContent?.includes('archiveInvoice'));
    expect(archive?.textContent).toContain('Ignored');
    expect(archive?.textContent).toContain('<camunda:field>');
    expect(within(dialog).getByText(/items were not taken over as they were/)).toBeTruthy();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Imported “C.1.0.bpmn”' })).toBeNull();
    const list = screen.getByRole('list', { name: 'Flows and maps' });
    expect(within(list).getAllByRole('button', { name: /\(flow\)$/ })).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the file and the problem when BPMN is refused, and stores nothing', async () => {
    render(<App platform={platform} />);
    await screen.findByRole('heading', { name: 'Draw your first workflow', level: 1 });

    await userEvent.upload(
      screen.getByLabelText('Baton JSON or BPMN file to import'),
      bpmnFile('laughs.bpmn', '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "b">]><d>&a;</d>'),
    );

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not import “laughs.bpmn”');
    expect(alert.textContent).toContain('DOCTYPE');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await platform.client['workflows.list']({})).toEqual([]);
  });

  it('decodes a file as its XML declaration says (ISO-8859-1)', async () => {
    render(<App platform={platform} />);
    await screen.findByRole('heading', { name: 'Draw your first workflow', level: 1 });
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" name="Größenprüfung" targetNamespace="x"><bpmn:process id="p"><bpmn:startEvent id="s"/></bpmn:process></bpmn:definitions>`;
    const latin1 = new File([Buffer.from(xml, 'latin1')], 'größe.bpmn', {
      type: 'application/xml',
    });

    await userEvent.upload(screen.getByLabelText('Baton JSON or BPMN file to import'), latin1);

    await screen.findByRole('dialog', { name: 'Imported “größe.bpmn”' });
    const list = screen.getByRole('list', { name: 'Flows and maps' });
    expect(within(list).getByRole('button', { name: 'Größenprüfung (flow)' })).toBeTruthy();
  });
});
