import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  ordersDeadLettered,
  paymentDown,
  paymentFailing,
} from '../../../test/helpers/runHistories';
import { BrokerPanel } from './BrokerPanel';

const cellsOf = (consumer: string) => {
  const table = screen.getByRole('table', { name: 'Queues per consumer' });
  const row = within(table).getByRole('rowheader', { name: consumer }).closest('tr')!;
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
};

describe('the broker panel', () => {
  it('shows a consumer that is down keeping its backlog, then draining it when it returns', async () => {
    const { history } = await paymentDown();
    const postponed = history.entries.find((entry) => entry.kind === 'delivery.postponed')!.seq;
    const noop = () => {};
    const { rerender } = render(
      <BrokerPanel history={history} cursor={postponed} onSeek={noop} onSelectElement={noop} />,
    );
    expect(screen.getByRole('region', { name: 'Broker' })).toBeTruthy();
    // Depth, delivered, lag, dead letters, state.
    expect(cellsOf('Payment')).toEqual(['1', '0', '5 ms', '0', 'down']);
    expect(cellsOf('Inventory')).toEqual(['0', '1', '—', '0', 'up']);
    const delivered = history.entries.find(
      (entry) => entry.kind === 'delivery' && entry.data.service === 'payment',
    )!.seq;
    rerender(
      <BrokerPanel history={history} cursor={delivered - 1} onSeek={noop} onSelectElement={noop} />,
    );
    expect(cellsOf('Payment').slice(0, 2)).toEqual(['1', '0']);
    expect(cellsOf('Payment')[2]).toMatch(/^59\.9\d\d s$/);
    rerender(
      <BrokerPanel
        history={history}
        cursor={history.lastSeq}
        onSeek={noop}
        onSelectElement={noop}
      />,
    );
    expect(cellsOf('Payment')).toEqual(['0', '1', '—', '0', 'up']);
    expect(screen.getByText('None so far.')).toBeTruthy();
  });

  it('lists dead letters with links to their entry and their consumer', async () => {
    const { history } = await ordersDeadLettered();
    const onSeek = vi.fn();
    const onSelectElement = vi.fn();
    const user = userEvent.setup();
    render(
      <BrokerPanel
        history={history}
        cursor={history.lastSeq}
        onSeek={onSeek}
        onSelectElement={onSelectElement}
      />,
    );
    expect(cellsOf('Orders')).toEqual(['0', '3', '—', '1', 'up']);
    const letters = screen.getByRole('list', { name: 'Dead letters' });
    const letter = within(letters).getByRole('listitem');
    expect(letter.textContent).toContain('PaymentCompleted');
    expect(letter.textContent).toContain('after 3 deliveries');
    const seq = history.entries.find((entry) => entry.kind === 'dead-letter')!.seq;
    await user.click(within(letter).getByRole('button', { name: `#${seq}` }));
    expect(onSeek).toHaveBeenCalledWith(seq);
    await user.click(within(letter).getByRole('button', { name: 'Orders' }));
    expect(onSelectElement).toHaveBeenCalledWith('orders');
  });

  it('says a flow has no queues', async () => {
    const { history } = await paymentFailing();
    render(
      <BrokerPanel history={history} cursor={5} onSeek={() => {}} onSelectElement={() => {}} />,
    );
    expect(screen.getByRole('region', { name: 'Broker' }).textContent).toContain(
      'A flow has no broker queues',
    );
  });
});
