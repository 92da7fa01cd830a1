import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ElementOf, WorkflowDocument } from '../../src-shared/model/document';
import { renderProperties } from '../../test/helpers/propertiesHarness';
import { panelFlow } from '../../test/helpers/propertiesDocuments';

let panel: Awaited<ReturnType<typeof renderProperties>> | undefined;
const openCharge = async (doc: WorkflowDocument = panelFlow()) => {
  panel = await renderProperties(doc, { selection: ['charge'] });
  return panel;
};
afterEach(async () => {
  await panel?.close();
  panel = undefined;
});

const charge = (doc: WorkflowDocument) =>
  doc.model.elements.find((element) => element.id === 'charge') as ElementOf<'serviceTask'>;

/** The flow with the charge task changed by `patch`. */
const withCharge = (patch: Partial<ElementOf<'serviceTask'>>): WorkflowDocument => {
  const doc = panelFlow();
  const elements = doc.model.elements.map((element) =>
    element.type === 'serviceTask' ? { ...element, ...patch } : element,
  );
  return { ...doc, model: { ...doc.model, elements } };
};

describe('a service task: the timeout', () => {
  it.each([
    ['0', 's', 'A duration of 0 is not allowed: enter a number above 0.'],
    ['-5', 's', 'A duration cannot be negative: enter a number above 0.'],
    ['abc', 's', '“abc” is not a number: enter a number such as 30.'],
    ['8785', 'h', 'That is longer than allowed: at most 366 days.'],
  ])('refuses %s %s with a message in words and sends nothing', async (typed, unit, message) => {
    // Given a task whose timeout is 5 s
    const { doc, steps } = await openCharge();
    const before = doc();
    const timeout = screen.getByRole('textbox', { name: 'Timeout' });
    expect(timeout).toHaveProperty('value', '5');

    // When the user types the value, picks the unit and presses Enter
    await userEvent.clear(timeout);
    await userEvent.type(timeout, typed);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Timeout unit' }), unit);
    await userEvent.type(timeout, '{Enter}');

    // Then the message says what is wrong, linked to the field, and nothing was sent
    const shown = screen.getByText(message);
    expect(timeout.getAttribute('aria-invalid')).toBe('true');
    expect(timeout.getAttribute('aria-describedby')).toContain(shown.id);
    expect(doc()).toBe(before);
    expect(steps()).toBe(0);
  });

  it('applies a duration in another unit as whole milliseconds, undoably', async () => {
    const { doc, steps, editor } = await openCharge();
    const before = doc();
    const timeout = screen.getByRole('textbox', { name: 'Timeout' });
    await userEvent.clear(timeout);
    await userEvent.type(timeout, '1.5');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Timeout unit' }), 'min');

    expect(charge(doc()).timeoutMs).toBe(90_000);
    expect(steps()).toBe(1);
    expect(timeout).toHaveProperty('value', '1.5');

    act(() => editor.getState().undo());
    expect(doc()).toBe(before);
    expect(screen.getByRole('textbox', { name: 'Timeout' })).toHaveProperty('value', '5');
  });

  it('removes the timeout when the field is emptied', async () => {
    const { doc, steps } = await openCharge();
    await userEvent.clear(screen.getByRole('textbox', { name: 'Timeout' }));
    // Tab moves to the unit, still in the field; the second leaves it and commits.
    await userEvent.tab();
    expect(steps()).toBe(0);
    await userEvent.tab();
    expect(charge(doc()).timeoutMs).toBeUndefined();
    expect(steps()).toBe(1);
  });
});

describe('a service task: service and operation', () => {
  it('offers the catalog operations and shows an unknown one as an error', async () => {
    await openCharge(withCharge({ operation: 'chargeTwice' }));
    const operation = screen.getByRole('combobox', { name: 'Operation' });
    const message = await screen.findByText(
      'Unknown operation “Payment.chargeTwice”: Payment has no such operation in the catalog.',
    );
    expect(operation.getAttribute('aria-describedby')).toContain(message.id);
    const options = [...operation.querySelectorAll('option')].map((option) => option.textContent);
    expect(options).toEqual(['Choose an operation…', 'charge', 'refund', 'chargeTwice (unknown)']);
  });

  it('picks an operation with one command and clears the error', async () => {
    const { doc, steps } = await openCharge(withCharge({ operation: 'chargeTwice' }));
    await screen.findByText(/Unknown operation/);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Operation' }), 'refund');
    expect(charge(doc()).operation).toBe('refund');
    expect(steps()).toBe(1);
    expect(screen.queryByText(/Unknown operation/)).toBeNull();
  });

  it('drops the operations the new service lacks when the service changes', async () => {
    const { doc, steps } = await openCharge(
      withCharge({ compensation: { operation: 'refund', input: 'paymentId' } }),
    );
    await screen.findByRole('option', { name: 'Inventory' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Service' }), 'Inventory');
    const task = charge(doc());
    expect([task.service, task.operation, task.compensation]).toEqual([
      'Inventory',
      undefined,
      undefined,
    ]);
    expect(steps()).toBe(1);
  });
});

describe('a service task: retries and compensation', () => {
  it('refuses a max attempts outside 1–100 and applies a good one', async () => {
    const { doc, steps } = await openCharge();
    const attempts = screen.getByRole('textbox', { name: 'Max attempts' });
    await userEvent.clear(attempts);
    await userEvent.type(attempts, '0{Enter}');
    expect(screen.getByText('0 is too small: enter a whole number from 1 to 100.')).toBeTruthy();
    expect(steps()).toBe(0);

    await userEvent.clear(attempts);
    await userEvent.type(attempts, '5{Enter}');
    expect(charge(doc()).retry?.maxAttempts).toBe(5);
    expect(steps()).toBe(1);
  });

  it('sets the backoff and delays, and turns retries off with one command each', async () => {
    const { doc, steps } = await openCharge();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Backoff' }), 'fixed');
    const initial = screen.getByRole('textbox', { name: 'Initial delay' });
    await userEvent.clear(initial);
    await userEvent.type(initial, '2');
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Initial delay unit' }),
      's',
    );
    expect(charge(doc()).retry).toEqual({
      maxAttempts: 3,
      backoff: 'fixed',
      initialDelayMs: 2000,
      maxDelayMs: 2000,
    });
    expect(steps()).toBe(2);

    await userEvent.click(screen.getByRole('checkbox', { name: 'Retry when the call fails' }));
    expect(charge(doc()).retry).toBeUndefined();
    expect(screen.queryByRole('textbox', { name: 'Max attempts' })).toBeNull();
    expect(steps()).toBe(3);
  });

  it('picks the compensation from the same service, with its input, and the pivot flag', async () => {
    const { doc } = await openCharge();
    expect(
      screen.getByText('The catalog names Payment.refund as what undoes charge.'),
    ).toBeTruthy();
    const picker = screen.getByRole('combobox', { name: 'Compensating operation' });
    const options = [...picker.querySelectorAll('option')].map((option) => option.textContent);
    expect(options).toEqual(['None', 'charge', 'refund']);
    await userEvent.selectOptions(picker, 'refund');
    const input = screen.getByRole('textbox', { name: 'Compensation input' });
    await userEvent.type(input, '{{ "paymentId": paymentId }');
    await userEvent.tab();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Pivot: cannot be undone' }));
    expect(charge(doc()).compensation).toEqual({
      operation: 'refund',
      input: '{ "paymentId": paymentId }',
    });
    expect(charge(doc()).pivot).toBe(true);
  });
});
