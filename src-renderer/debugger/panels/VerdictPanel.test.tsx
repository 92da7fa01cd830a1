import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { duplicateCharge, paymentFailing } from '../../../test/helpers/runHistories';
import { VerdictPanel } from './VerdictPanel';

describe('the verdict panel', () => {
  it('says a compensated run is consistent', async () => {
    const { report } = await paymentFailing();
    render(
      <VerdictPanel
        consistency={report.consistency}
        onSeek={() => {}}
        onSelectElement={() => {}}
      />,
    );
    const panel = screen.getByRole('region', { name: 'Verdict' });
    expect(within(panel).getByRole('heading', { name: /Consistent/ })).toBeTruthy();
    expect(within(panel).queryByRole('list', { name: 'Violations' })).toBeNull();
  });

  it('lists each violation with links to the entries and the step that caused it, and the duplicates and late successes', async () => {
    const { report, history } = await duplicateCharge();
    const onSeek = vi.fn();
    const onSelectElement = vi.fn();
    const user = userEvent.setup();
    render(
      <VerdictPanel
        consistency={report.consistency}
        onSeek={onSeek}
        onSelectElement={onSelectElement}
        nameOf={(id) => history.nameOf(id)}
      />,
    );
    const count = report.consistency.violations.length;
    expect(
      screen.getByRole('heading', { name: new RegExp(`Inconsistent: ${count} violation`) }),
    ).toBeTruthy();
    const violations = within(screen.getByRole('list', { name: 'Violations' })).getAllByRole(
      'listitem',
    );
    const duplicate = violations.find((item) => item.textContent?.startsWith('Duplicate'))!;
    const violation = report.consistency.violations.find((entry) => entry.code === 'duplicate')!;
    expect(duplicate.textContent).toContain(violation.message);
    await user.click(
      within(duplicate).getByRole('button', { name: `Go to entry ${violation.seqs[1]}` }),
    );
    expect(onSeek).toHaveBeenCalledWith(violation.seqs[1]);

    const duplicates = screen.getByRole('list', { name: 'Duplicate side effects' });
    expect(within(duplicates).getByRole('listitem').textContent).toContain(
      'Payment.charge performed 2 times',
    );
    const late = within(screen.getByRole('list', { name: 'Late successes' })).getByRole('listitem');
    expect(late.textContent).toContain('Payment.charge succeeded at');
    await user.click(within(late).getByRole('button', { name: 'Charge payment' }));
    expect(onSelectElement).toHaveBeenCalledWith('chargePayment');
  });

  it('waits for the report', () => {
    render(<VerdictPanel consistency={null} onSeek={() => {}} onSelectElement={() => {}} />);
    expect(screen.getByText('Reading the verdict…')).toBeTruthy();
  });
});
