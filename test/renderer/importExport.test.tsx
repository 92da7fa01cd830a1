import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App';
import { loadDocument } from '../../src-shared/format/loadDocument';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import { createInProcessPlatform } from '../helpers/inProcessPlatform';
import { sampleFlow } from '../shared/documents';

const jsonFile = (name: string, text: string) =>
  new File([text], name, { type: 'application/json' });

describe('import and export (jsdom, real services on in-memory SQLite)', () => {
  let platform: ReturnType<typeof createInProcessPlatform>;
  beforeEach(() => {
    platform = createInProcessPlatform();
  });
  afterEach(() => {
    platform.core.close();
    vi.restoreAllMocks();
  });

  it('imports a picked file as a new flow, lists it and opens it', async () => {
    render(<App platform={platform} />);
    await screen.findByRole('heading', { name: 'Draw your first workflow', level: 1 });

    await userEvent.upload(
      screen.getByLabelText('Baton JSON or BPMN file to import'),
      jsonFile('checkout.baton.json', serializeDocument({ ...sampleFlow(), name: 'Checkout' })),
    );

    await screen.findByRole(
      'heading',
      { name: 'Checkout', level: 1 },
      // The editor's code is loaded on first use, which jsdom on a busy machine takes seconds over.
      { timeout: 20_000 },
    );
    const list = screen.getByRole('list', { name: 'Flows and maps' });
    expect(within(list).getByRole('button', { name: 'Checkout (flow)' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the file and the problem in the banner when a file cannot be imported, and stores nothing', async () => {
    render(<App platform={platform} />);
    await screen.findByRole('heading', { name: 'Draw your first workflow', level: 1 });

    await userEvent.upload(
      screen.getByLabelText('Baton JSON or BPMN file to import'),
      jsonFile('future.json', '{"formatVersion": 99}'),
    );

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Could not import “future.json”: This document was made by a newer Baton (format 99',
    );
    expect(await platform.client['workflows.list']({})).toEqual([]);
  });

  it('downloads the open document as <name>.baton.json through a Blob link', async () => {
    const { id } = await platform.client['workflows.import']({
      text: serializeDocument(sampleFlow()),
      name: 'Refunds',
    });
    const blobs: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return 'blob:baton-test';
    };
    URL.revokeObjectURL = () => {};
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    render(<App platform={platform} />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Refunds (flow)' }, { timeout: 3000 }),
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export' }, { timeout: 20_000 }),
    );

    await vi.waitFor(() => expect(clicked).toEqual(['Refunds.baton.json']));
    const text = await blobs[0]!.text();
    expect(loadDocument(text)).toEqual({
      ok: true,
      document: { ...sampleFlow(), name: 'Refunds' },
    });
    expect((await platform.client['workflows.open']({ id })).workflow.name).toBe('Refunds');
  });
});
