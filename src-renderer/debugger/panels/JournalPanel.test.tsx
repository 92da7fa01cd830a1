import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { JournalEntry } from '../../../src-shared/contract/contract';
import { createRunHistory, type RunHistory } from '../../../src-shared/runtime/runView';
import { withScrollerSize } from '../../../test/helpers/panelLayout';
import { paymentFailing } from '../../../test/helpers/runHistories';
import { JournalPanel } from './JournalPanel';

withScrollerSize();

/** The panel with its cursor held as the host holds it: a seek moves it. */
function Hosted(props: {
  history: RunHistory;
  start: number;
  onSelectElement?: (id: string) => void;
  onSeek?: (seq: number) => void;
}) {
  const [cursor, setCursor] = useState(props.start);
  return (
    <JournalPanel
      history={props.history}
      cursor={cursor}
      onSeek={(seq) => {
        props.onSeek?.(seq);
        setCursor(seq);
      }}
      onSelectElement={props.onSelectElement ?? (() => {})}
    />
  );
}

const rowsOf = () =>
  within(screen.getByRole('table', { name: 'Journal entries' }))
    .getAllByRole('row')
    .slice(1);
const seqOf = (row: HTMLElement) => Number(within(row).getAllByRole('cell')[0]!.textContent);

describe('the journal panel', () => {
  it('lists entries with time, kind, actor, element and summary; the cursor entry is current and later ones dimmed', async () => {
    const { history } = await paymentFailing();
    const failed = history.firstFailureSeq()!;
    render(<Hosted history={history} start={failed} />);
    const panel = screen.getByRole('region', { name: 'Journal' });
    expect(within(panel).getByText(`${history.entries.length} entries`)).toBeTruthy();
    const current = rowsOf().find((row) => row.getAttribute('aria-current') === 'true')!;
    expect(seqOf(current)).toBe(failed);
    expect(current.textContent).toContain('result');
    expect(current.textContent).toContain('failed (request #');
    expect(within(current).getByRole('button', { name: 'Charge payment' })).toBeTruthy();
    expect(current.classList).toContain('is-failure');
    for (const row of rowsOf())
      expect(row.classList.contains('is-future')).toBe(seqOf(row) > failed);
  });

  it('seeks to a row clicked, links its element to the canvas, and steps with the arrow keys', async () => {
    const { history } = await paymentFailing();
    const onSeek = vi.fn();
    const onSelectElement = vi.fn();
    const user = userEvent.setup();
    render(
      <Hosted history={history} start={1} onSeek={onSeek} onSelectElement={onSelectElement} />,
    );
    const request = rowsOf().find((row) => row.textContent?.includes('Call Orders.create'))!;
    await user.click(within(request).getByRole('cell', { name: /Call Orders.create/ }));
    expect(onSeek).toHaveBeenLastCalledWith(seqOf(request));
    await user.click(within(request).getByRole('button', { name: 'Create order' }));
    expect(onSelectElement).toHaveBeenCalledWith('createOrder');
    // The link does not move the cursor.
    expect(onSeek).toHaveBeenCalledTimes(1);

    screen.getByRole('rowgroup', { name: /Entries/ }).focus();
    await user.keyboard('{ArrowDown}');
    expect(onSeek).toHaveBeenLastCalledWith(seqOf(request) + 1);
    await user.keyboard('{End}');
    expect(onSeek).toHaveBeenLastCalledWith(history.lastSeq);
  });

  it('filters by text, kind and element', async () => {
    const { history } = await paymentFailing();
    const user = userEvent.setup();
    render(<Hosted history={history} start={history.lastSeq} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'effect');
    expect(rowsOf().map((row) => within(row).getAllByRole('cell')[5]!.textContent)).toEqual([
      'Orders.create performed',
      'Inventory.reserve performed',
      'Inventory.release performed',
      'Orders.cancel performed',
    ]);
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Element' }),
      'Reserve inventory',
    );
    expect(rowsOf()).toHaveLength(2);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'All kinds');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Element' }), 'All elements');
    await user.type(screen.getByRole('searchbox', { name: 'Filter text' }), 'undo with');
    expect(rowsOf().map((row) => within(row).getAllByRole('cell')[5]!.textContent)).toEqual([
      'Undo with Inventory.release',
      'Undo with Orders.cancel',
    ]);
    await user.type(screen.getByRole('searchbox', { name: 'Filter text' }), ' nothing like it');
    expect(screen.getByText('No entries match the filter.')).toBeTruthy();
  });

  it('renders only the rows in view of a 100,000-entry journal and brings the cursor entry into view', async () => {
    const { history: run, document } = await paymentFailing();
    const entries: JournalEntry[] = [];
    for (let copy = 0; entries.length < 100_000; copy += 1)
      for (const entry of run.entries)
        entries.push({ ...entry, seq: entries.length + 1, atMs: entry.atMs + copy * 1_000 });
    const history = createRunHistory({ document, entries: entries.slice(0, 100_000) });
    const { rerender } = render(
      <JournalPanel history={history} cursor={10} onSeek={() => {}} onSelectElement={() => {}} />,
    );
    expect(rowsOf().length).toBeLessThan(60);
    expect(screen.getByText('100,000 entries')).toBeTruthy();
    await act(async () => {
      rerender(
        <JournalPanel
          history={history}
          cursor={87_654}
          onSeek={() => {}}
          onSelectElement={() => {}}
        />,
      );
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    const current = rowsOf().find((row) => row.getAttribute('aria-current') === 'true');
    expect(current && seqOf(current)).toBe(87_654);
    expect(rowsOf().length).toBeLessThan(60);
  });
});
