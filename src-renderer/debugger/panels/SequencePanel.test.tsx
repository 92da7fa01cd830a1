import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  ordersDeadLettered,
  paymentDown,
  paymentFailing,
  runExample,
  mapOrder,
} from '../../../test/helpers/runHistories';
import { SequencePanel } from './SequencePanel';

const messages = () =>
  within(screen.getByRole('group', { name: 'Events between services' }))
    .getAllByRole('button')
    .filter((item) => item.tagName === 'g')
    .map((item) => item.getAttribute('aria-label'));

describe('the sequence panel', () => {
  it('draws the events published and delivered between services up to the cursor', async () => {
    const { history } = await paymentDown();
    const onSeek = vi.fn();
    const onSelectElement = vi.fn();
    const user = userEvent.setup();
    const postponed = history.entries.find((entry) => entry.kind === 'delivery.postponed')!.seq;
    const { rerender } = render(
      <SequencePanel
        history={history}
        cursor={postponed}
        onSeek={onSeek}
        onSelectElement={onSelectElement}
      />,
    );
    expect(screen.getByRole('region', { name: 'Sequence' })).toBeTruthy();
    expect(messages()).toEqual([
      'OrderCreated published by outside at 0 ms',
      'OrderCreated delivered from outside to Inventory at 5 ms',
      'InventoryReserved published by Inventory at 35 ms',
    ]);
    rerender(
      <SequencePanel
        history={history}
        cursor={history.lastSeq}
        onSeek={onSeek}
        onSelectElement={onSelectElement}
      />,
    );
    expect(messages()).toContain(
      'InventoryReserved delivered from Inventory to Payment at 1:00.000',
    );
    await user.click(
      screen.getByRole('button', {
        name: 'InventoryReserved delivered from Inventory to Payment at 1:00.000',
      }),
    );
    const delivered = history.entries.find(
      (entry) => entry.kind === 'delivery' && entry.data.service === 'payment',
    )!.seq;
    expect(onSeek).toHaveBeenCalledWith(delivered);
    await user.click(screen.getByRole('button', { name: 'Show Payment on the canvas' }));
    expect(onSelectElement).toHaveBeenCalledWith('payment');
  });

  it('marks duplicates, redeliveries and dead letters', async () => {
    const { history } = await ordersDeadLettered();
    render(
      <SequencePanel
        history={history}
        cursor={history.lastSeq}
        onSeek={() => {}}
        onSelectElement={() => {}}
      />,
    );
    const labels = messages();
    expect(
      labels.filter((label) => label?.startsWith('PaymentCompleted redelivered')),
    ).toHaveLength(2);
    expect(
      labels.some((label) =>
        label?.startsWith('PaymentCompleted dead-lettered from Payment to Orders'),
      ),
    ).toBe(true);
    const duplicated = await runExample(
      'choreography-saga',
      { input: mapOrder, broker: { duplicateRate: 0.3 } },
      1,
    );
    render(
      <SequencePanel
        history={duplicated.history}
        cursor={duplicated.history.lastSeq}
        onSeek={() => {}}
        onSelectElement={() => {}}
      />,
    );
    expect(
      within(screen.getAllByRole('group', { name: 'Events between services' })[1]!).getAllByRole(
        'button',
        {
          name: /delivered again \(duplicate\)/,
        },
      ).length,
    ).toBeGreaterThan(0);
  });

  it('says when a run has no events between services', async () => {
    const { history } = await paymentFailing();
    render(
      <SequencePanel
        history={history}
        cursor={history.lastSeq}
        onSeek={() => {}}
        onSelectElement={() => {}}
      />,
    );
    expect(screen.getByText('No events passed between services in this run.')).toBeTruthy();
  });
});
