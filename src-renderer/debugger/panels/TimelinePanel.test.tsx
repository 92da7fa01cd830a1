import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { paymentFailing, runExample } from '../../../test/helpers/runHistories';
import { TimelinePanel } from './TimelinePanel';

const chart = () => screen.getByRole('group', { name: /^Steps over time/ });
const barsOf = () =>
  within(chart())
    .getAllByRole('button')
    .filter((bar) => bar.tagName === 'g');
const rowLabels = () =>
  [...chart().querySelectorAll('.timeline-row-label')].map(
    (label) => label.firstChild?.textContent,
  );

describe('the timeline panel', () => {
  it('draws a row per service with the charge’s attempts, the back-off and the compensations in order', async () => {
    const { history } = await paymentFailing();
    const noop = () => {};
    render(
      <TimelinePanel
        history={history}
        cursor={history.lastSeq}
        onSeek={noop}
        onSelectElement={noop}
      />,
    );
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeTruthy();
    expect(rowLabels()).toEqual(['Orders', 'Inventory', 'Payment']);
    const labels = barsOf().map((bar) => bar.getAttribute('aria-label'));
    expect(labels).toEqual([
      'Create order, attempt 1: ok, 0 ms to 40 ms',
      'Reserve inventory, attempt 1: ok, 40 ms to 111 ms',
      'Charge payment, attempt 1: failed, 111 ms to 259 ms',
      'Back-off: Charge payment: fired, 259 ms to 759 ms',
      'Charge payment, attempt 2: failed, 759 ms to 916 ms',
      'Undo Reserve inventory: compensated, 916 ms to 956 ms',
      'Undo Create order: compensated, 956 ms to 986 ms',
    ]);
    const retry = barsOf()[4]!;
    expect(retry.classList).toContain('is-retry');
    expect(retry.classList).toContain('outcome-failed');
    expect(barsOf()[5]!.classList).toContain('kind-compensation');
    expect(barsOf()[3]!.classList).toContain('is-backoff');
  });

  it('cuts a step going on at the cursor, greys what comes after, and seeks to a bar clicked', async () => {
    const { history } = await paymentFailing();
    const onSeek = vi.fn();
    const user = userEvent.setup();
    const firstCharge = history.entries.find(
      (entry) => entry.kind === 'request' && entry.data.elementId === 'chargePayment',
    )!.seq;
    render(
      <TimelinePanel
        history={history}
        cursor={firstCharge}
        onSeek={onSeek}
        onSelectElement={() => {}}
      />,
    );
    const charge = barsOf().find((bar) =>
      bar.getAttribute('aria-label')?.startsWith('Charge payment, attempt 1'),
    )!;
    expect(charge.getAttribute('aria-label')).toBe('Charge payment, attempt 1: going on, 111 ms');
    expect(charge.classList).toContain('outcome-open');
    const undo = barsOf().find((bar) =>
      bar.getAttribute('aria-label')?.startsWith('Undo Create order'),
    )!;
    expect(undo.classList).toContain('outcome-future');
    await user.click(undo);
    expect(onSeek).toHaveBeenCalledWith(
      history.timeline().find((bar) => bar.label === 'Undo Create order')!.startSeq,
    );
    undo.focus();
    await user.keyboard('{Enter}');
    expect(onSeek).toHaveBeenCalledTimes(2);
    expect(chart().querySelector('.timeline-cursor')).not.toBeNull();
  });

  it('gives waits and timers their element’s row, linked to the canvas, and zooms around the cursor', async () => {
    const { history } = await runExample('kyc-onboarding', {
      input: { riskScore: 70 },
      approvals: {
        collectDocuments: 'approve',
        managerApproval: 'ignore',
        seniorReview: 'approve',
      },
    });
    const onSelectElement = vi.fn();
    const user = userEvent.setup();
    render(
      <TimelinePanel
        history={history}
        cursor={history.lastSeq}
        onSeek={() => {}}
        onSelectElement={onSelectElement}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Show Manager approval on the canvas' }));
    expect(onSelectElement).toHaveBeenCalledWith('managerApproval');
    expect(
      barsOf().some((bar) =>
        bar.getAttribute('aria-label')?.startsWith('Deadline: Manager approval: fired'),
      ),
    ).toBe(true);
    const range = () =>
      screen.getByRole('region', { name: 'Timeline' }).querySelector('.run-panel-title')!
        .textContent;
    const whole = range();
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(range()).not.toBe(whole);
    await user.click(screen.getByRole('button', { name: 'Fit the whole run' }));
    expect(range()).toBe(whole);
    screen.getByRole('button', { name: 'Zoom in' }).focus();
    await user.keyboard('+');
    expect(range()).not.toBe(whole);
    await user.keyboard('0');
    expect(range()).toBe(whole);
  });
});
