import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reaction, WorkflowDocument } from '../../src-shared/model/document';
import { renderProperties } from '../../test/helpers/propertiesHarness';
import { panelMap } from '../../test/helpers/propertiesDocuments';

let panel: Awaited<ReturnType<typeof renderProperties>> | undefined;
const open = async (selection: string[], doc: WorkflowDocument = panelMap()) => {
  panel = await renderProperties(doc, { selection });
  return panel;
};
afterEach(async () => {
  await panel?.close();
  panel = undefined;
});

const reaction = (doc: WorkflowDocument) =>
  doc.model.connections.find((connection) => connection.id === 'react_placed_payment')
    ?.reaction as Reaction;
const openReaction = () => open(['react_placed_payment']);

describe("a map's reaction: its operations", () => {
  it('adds, picks, maps, reorders and removes operations, one command each', async () => {
    const { doc, steps } = await openReaction();
    expect(screen.getByRole('heading', { name: 'Reaction' })).toBeTruthy();
    await screen.findByRole('option', { name: 'refund' });

    // When the user adds an operation: the first one not called yet is offered
    await userEvent.click(screen.getByRole('button', { name: 'Add operation' }));
    expect(reaction(doc()).operations).toEqual([
      { operation: 'charge', input: '{ "orderId": orderId }' },
      { operation: 'refund' },
    ]);

    // And gives it an input, then moves it first
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Input of operation 2' }),
      '{{ "paymentId": paymentId }',
    );
    await userEvent.tab();
    await userEvent.click(screen.getByRole('button', { name: 'Move operation 2 up' }));
    expect(reaction(doc()).operations).toEqual([
      { operation: 'refund', input: '{ "paymentId": paymentId }' },
      { operation: 'charge', input: '{ "orderId": orderId }' },
    ]);
    expect(screen.getByRole('combobox', { name: 'Operation 1' })).toHaveProperty('value', 'refund');
    expect(screen.getByRole('button', { name: 'Move operation 1 up' })).toHaveProperty(
      'disabled',
      true,
    );

    // And picks another operation for the second, then removes the first
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Operation 2' }), 'refund');
    await userEvent.click(screen.getByRole('button', { name: 'Remove operation 1' }));
    expect(reaction(doc()).operations).toEqual([
      { operation: 'refund', input: '{ "orderId": orderId }' },
    ]);
    expect(steps()).toBe(5);
  });

  it('undoes an operations edit exactly', async () => {
    const { doc, editor } = await openReaction();
    const before = doc();
    await userEvent.click(screen.getByRole('button', { name: 'Remove operation 1' }));
    expect(reaction(doc()).operations).toEqual([]);
    expect(screen.getByText('No operation is called yet.')).toBeTruthy();
    act(() => editor.getState().undo());
    expect(doc()).toBe(before);
    expect(screen.getByRole('combobox', { name: 'Operation 1' })).toHaveProperty('value', 'charge');
  });

  it('shows an operation the service does not have as unknown, and refuses "none"', async () => {
    const map = panelMap();
    const connections = map.model.connections.map((connection) =>
      connection.reaction
        ? {
            ...connection,
            reaction: { ...connection.reaction, operations: [{ operation: 'capture' }] },
          }
        : connection,
    );
    const { steps } = await open(['react_placed_payment'], {
      ...map,
      model: { ...map.model, connections },
    });
    const picker = screen.getByRole('combobox', { name: 'Operation 1' });
    const message = await screen.findByText(
      'Unknown operation “Payment.capture”: Payment has no such operation in the catalog.',
    );
    expect(picker.getAttribute('aria-describedby')).toContain(message.id);
    await userEvent.selectOptions(picker, 'Choose an operation…');
    expect(screen.getByText('Choose an operation, or remove this step.')).toBeTruthy();
    expect(steps()).toBe(0);
  });
});

describe("a map's reaction: what it emits and how it runs", () => {
  it('emits events in the order they are ticked', async () => {
    const { doc } = await openReaction();
    const [success] = screen.getAllByRole('group', { name: 'Emits on success' });
    expect(success).toBeTruthy();
    await userEvent.click(screen.getAllByRole('checkbox', { name: /Payment declined/ })[0]!);
    expect(reaction(doc()).emitsOnSuccess).toEqual(['paymentCaptured', 'paymentDeclined']);
    await userEvent.click(screen.getAllByRole('checkbox', { name: /Payment captured/ })[0]!);
    expect(reaction(doc()).emitsOnSuccess).toEqual(['paymentDeclined']);
    await userEvent.click(screen.getAllByRole('checkbox', { name: /Payment declined/ })[1]!);
    expect(reaction(doc()).emitsOnFailure).toEqual(['paymentDeclined']);
  });

  it('offers the events the service publishes, and the others on request', async () => {
    await openReaction();
    const [success] = screen.getAllByRole('group', { name: 'Emits on success' });
    const offered = () =>
      within(success!)
        .getAllByRole('checkbox')
        .map((box) => box.parentElement?.textContent?.trim());
    expect(offered()).toEqual(['Payment captured', 'Payment declined']);
    await userEvent.click(
      within(success!).getByRole('button', { name: "Show the map's other event type" }),
    );
    expect(offered()).toEqual(['Order placed', 'Payment captured', 'Payment declined']);
  });

  it('sets idempotent, concurrency and its condition, refusing a bad concurrency', async () => {
    const { doc, steps } = await openReaction();
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Idempotent: safe to run twice for the same event' }),
    );
    expect(reaction(doc()).idempotent).toBe(false);

    const concurrency = screen.getByRole('textbox', { name: 'Concurrency' });
    await userEvent.type(concurrency, '1001{Enter}');
    expect(
      screen.getByText('1001 is too large: enter a whole number from 1 to 1,000.'),
    ).toBeTruthy();
    await userEvent.clear(concurrency);
    await userEvent.type(concurrency, '4{Enter}');
    expect(reaction(doc()).concurrency).toBe(4);

    const condition = screen.getByRole('textbox', { name: 'Condition' });
    await userEvent.type(condition, 'amount > 0');
    await userEvent.tab();
    expect(reaction(doc()).condition).toBe('amount > 0');
    expect(steps()).toBe(3);
  });

  it('lets a reaction deduplicate, and takes the flag away when unticked', async () => {
    const { doc } = await openReaction();
    const box = screen.getByRole('checkbox', {
      name: 'Deduplicates: drops a copy of an event it has handled',
    });
    expect(box).toHaveProperty('checked', false);
    await userEvent.click(box);
    expect(reaction(doc()).deduplicates).toBe(true);
    await userEvent.click(box);
    expect(reaction(doc())).not.toHaveProperty('deduplicates');
  });

  it('asks how many attempts come before the failure events, once it has some, refusing 0', async () => {
    const { doc } = await openReaction();
    expect(screen.queryByRole('textbox', { name: 'Attempts before failure events' })).toBeNull();
    const [, failure] = screen.getAllByRole('group', { name: /Emits on/ });
    await userEvent.click(within(failure!).getByRole('checkbox', { name: /Payment declined/ }));

    const attempts = screen.getByRole('textbox', { name: 'Attempts before failure events' });
    await userEvent.type(attempts, '0{Enter}');
    expect(screen.getByText(/0 is too small/)).toBeTruthy();
    expect(reaction(doc())).not.toHaveProperty('maxAttempts');
    await userEvent.clear(attempts);
    await userEvent.type(attempts, '3{Enter}');
    expect(reaction(doc()).maxAttempts).toBe(3);
    await userEvent.clear(attempts);
    await userEvent.type(attempts, '{Enter}');
    expect(reaction(doc())).not.toHaveProperty('maxAttempts');
  });

  it('starts a flow of the workspace', async () => {
    const { doc, platform } = await openReaction();
    const customs = await platform.client['workflows.create']({ kind: 'flow', name: 'Customs' });
    await userEvent.selectOptions(
      await screen.findByRole('combobox', { name: 'Starts flow' }),
      await screen.findByRole('option', { name: 'Customs' }),
    );
    expect(reaction(doc()).startsFlow).toEqual({ flowId: customs.id, version: 'latest' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Starts flow' }), 'No flow');
    expect(reaction(doc())).not.toHaveProperty('startsFlow');
  });
});

describe('map nodes', () => {
  it('picks the service of a service node and flags an unknown one', async () => {
    const map = panelMap();
    const elements = map.model.elements.map((element) =>
      element.type === 'service' ? { ...element, service: 'Billing' } : element,
    );
    const { doc } = await open(['payment'], { ...map, model: { ...map.model, elements } });
    expect(
      await screen.findByText('Unknown service “Billing”: it is not in the catalog.'),
    ).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Service' }), 'Payment');
    expect(doc().model.elements.find((element) => element.id === 'payment')).toMatchObject({
      service: 'Payment',
    });
  });

  it('sets an event type node: its type, initial flag and terminal status', async () => {
    const { doc } = await open(['paymentDeclined']);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Initial: starts an instance' }));
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Terminal status' }),
      'Compensated (undone)',
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Event type' }),
      'OrderPlaced',
    );
    expect(doc().model.elements.find((element) => element.id === 'paymentDeclined')).toEqual({
      type: 'eventType',
      id: 'paymentDeclined',
      name: 'Payment declined',
      eventType: 'OrderPlaced',
      initial: true,
      terminal: 'compensated',
    });
  });
});
