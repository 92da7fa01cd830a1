import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src-renderer/app/App';
import { createInProcessPlatform } from '../helpers/inProcessPlatform';

describe('the workspace sidebar (jsdom, real services on in-memory SQLite)', () => {
  let platform: ReturnType<typeof createInProcessPlatform>;
  beforeEach(() => {
    platform = createInProcessPlatform();
  });
  afterEach(() => platform.core.close());

  it('shows an empty state, then a created flow opened in the editor', async () => {
    // Given an empty workspace
    render(<App platform={platform} />);
    await screen.findByRole('heading', { name: 'Draw your first workflow', level: 1 });
    expect(screen.getByText('No flows or maps yet.')).toBeTruthy();

    // When the user clicks "New flow"
    await userEvent.click(screen.getAllByRole('button', { name: 'New flow' })[0]!);

    // Then it is listed, stored, and open in the editor (the editor loads on first use)
    await screen.findByRole('heading', { name: 'Untitled flow', level: 1 }, { timeout: 5_000 });
    const list = screen.getByRole('list', { name: 'Flows and maps' });
    expect(within(list).getByRole('button', { name: 'Untitled flow (flow)' })).toBeTruthy();
    const stored = await platform.client['workflows.list']({});
    expect(stored.map((workflow) => [workflow.kind, workflow.name])).toEqual([
      ['flow', 'Untitled flow'],
    ]);
  });

  it('numbers new names so none repeats, and renames with F2', async () => {
    await platform.client['workflows.create']({ kind: 'flow', name: 'Untitled flow' });
    render(<App platform={platform} />);
    await screen.findByRole('button', { name: 'Untitled flow (flow)' });
    await userEvent.click(screen.getAllByRole('button', { name: 'New flow' })[0]!);
    await screen.findByRole('heading', { name: 'Untitled flow 2', level: 1 });

    screen.getByRole('button', { name: 'Untitled flow (flow)' }).focus();
    await userEvent.keyboard('{F2}');
    const field = screen.getByRole('textbox', { name: 'New name for Untitled flow' });
    await userEvent.clear(field);
    await userEvent.type(field, 'Payment saga{Enter}');
    await screen.findByRole('button', { name: 'Payment saga (flow)' });
    const names = (await platform.client['workflows.list']({})).map((workflow) => workflow.name);
    expect(names.sort()).toEqual(['Payment saga', 'Untitled flow 2']);
  });

  it('deletes only after confirmation, and says what will be lost', async () => {
    const flow = await platform.client['workflows.create']({ kind: 'map', name: 'Shipment' });
    await platform.client['versions.create']({ id: flow.id });
    render(<App platform={platform} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Shipment' }));

    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('1 saved version');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await platform.client['workflows.list']({})).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Delete Shipment' }));
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }),
    );
    await screen.findByText('No flows or maps yet.');
    expect(await platform.client['workflows.list']({})).toHaveLength(0);
  });

  it('filters by search and says when nothing matches', async () => {
    await platform.client['workflows.create']({ kind: 'flow', name: 'Order saga' });
    await platform.client['workflows.create']({ kind: 'map', name: 'Shipment events' });
    render(<App platform={platform} />);
    await screen.findByRole('button', { name: 'Order saga (flow)' });

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search flows and maps' }), 'ship');
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Order saga (flow)' })).toBeNull(),
    );
    expect(screen.getByRole('button', { name: 'Shipment events (map)' })).toBeTruthy();

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search flows and maps' }), 'zzz');
    await screen.findByText('Nothing is named like “shipzzz”.');
  });

  it('shows a failure in words instead of crashing', async () => {
    render(<App platform={platform} />);
    await screen.findByRole('heading', { name: 'Draw your first workflow', level: 1 });
    platform.core.close();
    await userEvent.click(screen.getAllByRole('button', { name: 'New flow' })[0]!);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/workflows\.(list|create) failed unexpectedly/);
  });
});
