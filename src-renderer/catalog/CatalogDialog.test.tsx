import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessPlatform } from '../../test/helpers/inProcessPlatform';
import { PlatformContext } from '../platform/PlatformContext';
import { CatalogDialog } from './CatalogDialog';

const platforms: ReturnType<typeof createInProcessPlatform>[] = [];
afterEach(() => {
  for (const platform of platforms.splice(0)) platform.core.close();
});

async function openDialog() {
  const platform = createInProcessPlatform();
  platforms.push(platform);
  await platform.client['catalog.save']({
    catalog: {
      services: [
        {
          name: 'Inventory',
          operations: [
            { name: 'reserve', mock: { latencyMs: 40, failRate: 0, honoursIdempotency: true } },
            { name: 'release', mock: { latencyMs: 30, failRate: 0, honoursIdempotency: true } },
          ],
        },
      ],
      events: [],
    },
  });
  let closed = 0;
  render(
    <PlatformContext.Provider value={platform}>
      <CatalogDialog onClose={() => (closed += 1)} />
    </PlatformContext.Provider>,
  );
  await screen
    .findByRole('textbox', { name: 'Operation name in Inventory' }, { timeout: 2_000 })
    .catch(() => undefined);
  await waitFor(() =>
    expect(screen.getAllByRole('textbox', { name: 'Operation name in Inventory' })).toHaveLength(2),
  );
  return { platform, closed: () => closed };
}

describe('the catalog dialog', () => {
  it('saves what undoes an operation and a new event type, and the workspace catalog has them', async () => {
    const { platform, closed } = await openDialog();
    fireEvent.change(screen.getByRole('combobox', { name: 'What undoes Inventory.reserve' }), {
      target: { value: 'release' },
    });
    fireEvent.click(screen.getByRole('tab', { name: /Events/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Add event type' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add field' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save catalog' }));
    await waitFor(() => expect(closed()).toBe(1));
    const saved = await platform.client['catalog.get']({});
    expect(saved.services[0]?.operations[0]).toMatchObject({
      name: 'reserve',
      compensatedBy: 'release',
    });
    expect(saved.events).toEqual([
      {
        name: 'Event',
        owner: 'Inventory',
        version: 1,
        payload: { fields: [{ name: 'field', type: 'string', required: false }] },
      },
    ]);
  });

  it('refuses a bad operation name and a latency that is not a number, naming them, and stores nothing', async () => {
    const { platform, closed } = await openDialog();
    const [reserve] = screen.getAllByRole('textbox', { name: 'Operation name in Inventory' });
    fireEvent.change(reserve!, { target: { value: '9 lives' } });
    const latency = screen.getByRole('textbox', { name: 'Latency of Inventory.release' });
    fireEvent.change(latency, { target: { value: 'soon' } });
    fireEvent.blur(latency);
    fireEvent.click(screen.getByRole('button', { name: 'Save catalog' }));
    const problems = await screen.findByRole('alert', { name: 'Problems in the catalog' });
    expect(problems.textContent).toContain(
      'Service Inventory, operation 9 lives (name): an operation name is a letter',
    );
    expect(problems.textContent).toMatch(/operation release \(mock\.latencyMs\)/);
    expect(closed()).toBe(0);
    expect((await platform.client['catalog.get']({})).services[0]?.operations[0]?.name).toBe(
      'reserve',
    );
  });
});
