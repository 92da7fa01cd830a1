import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Element, WorkflowDocument } from '../../src-shared/model/document';
import { renderProperties } from '../../test/helpers/propertiesHarness';
import { panelFlow } from '../../test/helpers/propertiesDocuments';

let panel: Awaited<ReturnType<typeof renderProperties>> | undefined;
const open = async (selection: string[], doc: WorkflowDocument = panelFlow()) => {
  panel = await renderProperties(doc, { selection });
  return panel;
};
afterEach(async () => {
  await panel?.close();
  panel = undefined;
});

const find = (doc: WorkflowDocument, id: string) =>
  doc.model.elements.find((element) => element.id === id);
const optionTexts = (select: HTMLElement) =>
  [...select.querySelectorAll('option')].map((option) => option.textContent);
const withElement = (element: Element): WorkflowDocument => {
  const doc = panelFlow();
  return {
    ...doc,
    model: { ...doc.model, elements: [...doc.model.elements, element] },
    diagram: { shapes: { ...doc.diagram.shapes, [element.id]: { x: 0, y: 300 } } },
  };
};

describe('an exclusive gateway: the default path', () => {
  it('offers the outgoing paths by name and target, and sets one with one undoable command', async () => {
    const { doc, steps, editor } = await open(['bigOrder']);
    const before = doc();
    const picker = screen.getByRole('combobox', { name: 'Default path' });
    expect(optionTexts(picker)).toEqual([
      'No default path',
      'Over 1000 (to Manager approval)',
      'to Cool down',
    ]);

    await userEvent.selectOptions(picker, 'to Cool down');
    expect(find(doc(), 'bigOrder')).toMatchObject({ default: 'flow_small' });
    expect(steps()).toBe(1);

    act(() => editor.getState().undo());
    expect(doc()).toBe(before);
    expect(screen.getByRole('combobox', { name: 'Default path' })).toHaveProperty('value', '');
  });

  it('says so when the default is not a path leaving the gateway', async () => {
    const doc = panelFlow();
    const elements = doc.model.elements.map((element) =>
      element.type === 'exclusiveGateway' ? { ...element, default: 'flow_approved' } : element,
    );
    await open(['bigOrder'], { ...doc, model: { ...doc.model, elements } });
    const picker = screen.getByRole('combobox', { name: 'Default path' });
    const message = screen.getByText(
      'The default path “flow_approved” does not leave this gateway.',
    );
    expect(picker.getAttribute('aria-describedby')).toContain(message.id);
  });

  it('marks a path as the default from the connection too', async () => {
    const { doc } = await open(['flow_big']);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Default path of the gateway' }));
    expect(find(doc(), 'bigOrder')).toMatchObject({ default: 'flow_big' });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Default path of the gateway' }));
    expect(find(doc(), 'bigOrder')).not.toHaveProperty('default');
  });
});

describe('a user task', () => {
  it('sets the assignee and refuses a bad timeout', async () => {
    const { doc, steps } = await open(['approve']);
    const assignee = screen.getByRole('textbox', { name: 'Assignee' });
    await userEvent.clear(assignee);
    await userEvent.type(assignee, 'head of sales{Enter}');
    expect(find(doc(), 'approve')).toMatchObject({ assignee: 'head of sales' });

    const timeout = screen.getByRole('textbox', { name: 'Timeout' });
    await userEvent.type(timeout, '0{Enter}');
    expect(
      screen.getByText('A duration of 0 is not allowed: enter a number above 0.'),
    ).toBeTruthy();
    await userEvent.clear(timeout);
    await userEvent.type(timeout, '48');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Timeout unit' }), 'h');
    expect(find(doc(), 'approve')).toMatchObject({ timeoutMs: 48 * 3_600_000 });
    expect(screen.getByText('2 days')).toBeTruthy();
    expect(steps()).toBe(2);
  });

  it('shows a conflict the command raises next to the field, in words', async () => {
    const { doc, steps } = await open(['approve']);
    const before = doc();
    const assignee = screen.getByRole('textbox', { name: 'Assignee' });
    await userEvent.clear(assignee);
    await userEvent.click(assignee);
    await userEvent.paste('x'.repeat(201));
    await userEvent.keyboard('{Enter}');
    const message = screen.getByText(/^Not applied: "approve" cannot take these properties/);
    expect(message.textContent).toContain('assignee');
    expect(assignee.getAttribute('aria-describedby')).toContain(message.id);
    expect(doc()).toBe(before);
    expect(steps()).toBe(0);
  });

  it('sets which decision a path leaving it takes', async () => {
    const { doc } = await open(['flow_approved']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Decision' }), 'Reject');
    expect(doc().model.connections.find((c) => c.id === 'flow_approved')?.outcome).toBe('reject');
  });
});

describe('timers', () => {
  it('sets a duration with units, or a date and time with an offset', async () => {
    const { doc, steps } = await open(['wait']);
    expect(screen.getByRole('textbox', { name: 'Duration' })).toHaveProperty('value', '1');
    expect(screen.getByRole('combobox', { name: 'Duration unit' })).toHaveProperty('value', 'min');

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Wait' }),
      'Until a date and time',
    );
    expect(steps()).toBe(0);
    const at = screen.getByRole('textbox', { name: 'Date and time' });
    await userEvent.type(at, '2026-12-24 18:00{Enter}');
    expect(screen.getByText(/^Enter a date and time with its offset/)).toBeTruthy();
    expect(steps()).toBe(0);

    await userEvent.clear(at);
    await userEvent.type(at, '2026-12-24T18:00:00Z{Enter}');
    expect(find(doc(), 'wait')).toMatchObject({ timer: { at: '2026-12-24T18:00:00Z' } });
    expect(steps()).toBe(1);
  });

  it('allows a zero wait but not a negative one on a timer', async () => {
    const { doc } = await open(['wait']);
    const duration = screen.getByRole('textbox', { name: 'Duration' });
    await userEvent.clear(duration);
    await userEvent.type(duration, '-1{Enter}');
    expect(screen.getByText('A duration cannot be negative: enter 0 or more.')).toBeTruthy();
    await userEvent.clear(duration);
    await userEvent.type(duration, '0{Enter}');
    expect(find(doc(), 'wait')).toMatchObject({ timer: { durationMs: 0 } });
  });

  it('gives a timer boundary event a timer, and an error one an error code', async () => {
    const boundary: Element = {
      type: 'boundaryEvent',
      id: 'overdue',
      name: 'Overdue',
      attachedTo: 'approve',
      trigger: 'error',
    };
    const { doc } = await open(['overdue'], withElement(boundary));
    expect(screen.getByText('Attached to Manager approval.')).toBeTruthy();
    const code = screen.getByRole('textbox', { name: 'Error code' });
    await userEvent.type(code, 'not a code{Enter}');
    expect(screen.getByText(/is not an error code/)).toBeTruthy();
    await userEvent.clear(code);
    await userEvent.type(code, 'TOO_LATE{Enter}');
    expect(find(doc(), 'overdue')).toMatchObject({ errorCode: 'TOO_LATE' });

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Trigger' }), 'timer');
    expect(find(doc(), 'overdue')).toMatchObject({
      trigger: 'timer',
      timer: { durationMs: 60_000 },
    });
    expect(find(doc(), 'overdue')).not.toHaveProperty('errorCode');
  });
});

describe('messages and calls', () => {
  it('picks the event type from the events catalog and flags an unknown one', async () => {
    const doc = panelFlow();
    const elements = doc.model.elements.map((element) =>
      element.type === 'messageThrow' ? { ...element, eventType: 'OrderShipped' } : element,
    );
    const { doc: current } = await open(['announce'], {
      ...doc,
      model: { ...doc.model, elements },
    });
    const picker = screen.getByRole('combobox', { name: 'Event type' });
    expect(
      await screen.findByText(
        'Unknown event type “OrderShipped”: it is not in the events catalog.',
      ),
    ).toBeTruthy();
    await userEvent.selectOptions(picker, 'PaymentCaptured');
    expect(find(current(), 'announce')).toMatchObject({ eventType: 'PaymentCaptured' });
    expect(screen.queryByText(/Unknown event type/)).toBeNull();
  });

  it('calls a flow of the workspace by name, latest or a saved version', async () => {
    const call: Element = {
      type: 'callActivity',
      id: 'callShipping',
      name: 'Ship',
      flowId: '',
      version: 'latest',
    };
    const { doc, platform } = await open(['callShipping'], withElement(call));
    const shipping = await platform.client['workflows.create']({ kind: 'flow', name: 'Shipping' });
    await platform.client['versions.create']({ id: shipping.id });
    await platform.client['versions.create']({ id: shipping.id });
    // The workspace announces the new flow and its versions; the panel lists them.
    const flow = screen.getByRole('combobox', { name: 'Flow' });
    await screen.findByRole('option', { name: 'Shipping' });
    expect(optionTexts(flow)).not.toContain('Order saga');

    await userEvent.selectOptions(flow, 'Shipping');
    expect(find(doc(), 'callShipping')).toMatchObject({ flowId: shipping.id, version: 'latest' });
    await screen.findByRole('option', { name: 'Version 2' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Version' }), 'Version 2');
    expect(find(doc(), 'callShipping')).toMatchObject({ flowId: shipping.id, version: 2 });
  });

  it('sets a start trigger and an end result with its error code', async () => {
    const { doc } = await open(['start']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Trigger' }), 'message');
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Event type' }),
      'OrderPlaced',
    );
    expect(find(doc(), 'start')).toMatchObject({ trigger: 'message', eventType: 'OrderPlaced' });

    panel?.select(['end']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Result' }), 'error');
    await userEvent.type(screen.getByRole('textbox', { name: 'Error code' }), 'DECLINED{Enter}');
    expect(find(doc(), 'end')).toMatchObject({ result: 'error', errorCode: 'DECLINED' });
  });
});
