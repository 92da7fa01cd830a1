import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { duplicateCharge, paymentFailing, runExample } from '../../../test/helpers/runHistories';
import { generateCountingLoop } from '../../../bench/generateCountingLoop';
import { LEDGER_LINES_SHOWN, LedgersPanel } from './LedgersPanel';

const linesOf = (service: string) =>
  within(screen.getByRole('table', { name: `${service} ledger` }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      const cells = within(row).getAllByRole('cell');
      return `${cells[2]!.textContent} ${cells[3]!.textContent} [${cells[5]!.textContent}]`;
    });

describe('the ledgers panel', () => {
  it('lists each service’s effects up to the cursor, by operation', async () => {
    const { history } = await paymentFailing();
    const noop = () => {};
    const release = history.entries.find(
      (entry) => entry.kind === 'effect' && entry.data.operation === 'release',
    )!.seq;
    const { rerender } = render(
      <LedgersPanel history={history} cursor={release - 1} onSeek={noop} onSelectElement={noop} />,
    );
    expect(screen.getByRole('region', { name: 'Ledgers' })).toBeTruthy();
    expect(linesOf('Inventory')).toEqual(['reserve Reserve inventory []']);
    rerender(
      <LedgersPanel
        history={history}
        cursor={history.lastSeq}
        onSeek={noop}
        onSelectElement={noop}
      />,
    );
    expect(linesOf('Inventory')).toEqual([
      'reserve Reserve inventory []',
      'release Reserve inventory []',
    ]);
    expect(linesOf('Orders')).toEqual(['create Create order []', 'cancel Create order []']);
    expect(screen.queryByRole('table', { name: 'Payment ledger' })).toBeNull();
  });

  it('marks a late charge and the duplicate one, and links each line to its entry and step', async () => {
    const { history } = await duplicateCharge();
    const onSeek = vi.fn();
    const onSelectElement = vi.fn();
    const user = userEvent.setup();
    render(
      <LedgersPanel
        history={history}
        cursor={history.lastSeq}
        onSeek={onSeek}
        onSelectElement={onSelectElement}
      />,
    );
    expect(linesOf('Payment')).toEqual([
      'charge Charge payment [late]',
      'charge Charge payment [duplicate]',
    ]);
    const table = screen.getByRole('table', { name: 'Payment ledger' });
    const seq = history.entries.find(
      (entry) => entry.kind === 'effect' && entry.data.operation === 'charge',
    )!.seq;
    await user.click(within(table).getByRole('button', { name: `Go to entry ${seq}` }));
    expect(onSeek).toHaveBeenCalledWith(seq);
    await user.click(within(table).getAllByRole('button', { name: 'Charge payment' })[0]!);
    expect(onSelectElement).toHaveBeenCalledWith('chargePayment');
  });

  it('says when nothing was performed yet', async () => {
    const { history } = await paymentFailing();
    render(
      <LedgersPanel history={history} cursor={2} onSeek={() => {}} onSelectElement={() => {}} />,
    );
    expect(screen.getByText('No service has performed anything yet.')).toBeTruthy();
  });

  it('shows the latest lines of a long ledger, saying the journal has the rest', async () => {
    const loop = generateCountingLoop(LEDGER_LINES_SHOWN + 50);
    const { history } = await runExample(loop.document, loop.scenario);
    const noop = () => {};
    render(
      <LedgersPanel
        history={history}
        cursor={history.lastSeq}
        onSeek={noop}
        onSelectElement={noop}
      />,
    );
    const lines = linesOf('Counter');
    expect(lines).toHaveLength(LEDGER_LINES_SHOWN);
    const effects = LEDGER_LINES_SHOWN + 50;
    // Each turn of the loop is a visit of its own (its own effect key): none is a duplicate.
    expect(
      screen.getByText(
        `${effects} effects · the latest ${LEDGER_LINES_SHOWN} shown; the 50 before them are in the journal`,
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/duplicate/)).toBeNull();
    // The last line is the last effect.
    const last = history.entries.filter((entry) => entry.kind === 'effect').at(-1)!;
    const table = screen.getByRole('table', { name: 'Counter ledger' });
    expect(within(table).getByRole('button', { name: `Go to entry ${last.seq}` })).toBeTruthy();
  });
});
