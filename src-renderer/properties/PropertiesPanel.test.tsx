import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderProperties } from '../../test/helpers/propertiesHarness';
import { panelFlow } from '../../test/helpers/propertiesDocuments';

type Panel = Awaited<ReturnType<typeof renderProperties>>;
let panel: Panel | undefined;
const open = async (...args: Parameters<typeof renderProperties>) => {
  panel = await renderProperties(...args);
  return panel;
};
afterEach(async () => {
  await panel?.close();
  panel = undefined;
});

describe('the properties panel: what is selected', () => {
  it('shows the document and a hint when nothing is selected', async () => {
    await open(panelFlow());
    const aside = screen.getByRole('complementary', { name: 'Properties' });
    expect(await within(aside).findByRole('heading', { name: 'Order saga' })).toBeTruthy();
    expect(aside.textContent).toContain('Orchestration flow · 7 elements, 7 connections');
    expect(aside.textContent).toContain('Select an element to edit its properties');
  });

  it('counts several selected items and lets the user pick one', async () => {
    const { editor } = await open(panelFlow(), { selection: ['charge', 'end', 'flow_small'] });
    expect(screen.getByRole('heading', { name: '3 items selected' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Charge card' }));
    expect(editor.getState().focusRequest?.id).toBe('charge');
  });

  it('forgets selected ids that no longer exist', async () => {
    await open(panelFlow(), { selection: ['charge', 'gone'] });
    expect(screen.getByRole('heading', { name: 'Service task' })).toBeTruthy();
  });

  it('follows the selection from one element to another', async () => {
    const { select } = await open(panelFlow(), { selection: ['charge'] });
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveProperty('value', 'Charge card');
    select(['end']);
    expect(screen.getByRole('heading', { name: 'End' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveProperty('value', 'Done');
  });
});

describe('the properties panel: name and id', () => {
  it('renames with one undoable command when the field is committed', async () => {
    const { doc, steps, editor } = await open(panelFlow(), { selection: ['charge'] });
    const before = doc();
    const name = screen.getByRole('textbox', { name: 'Name' });

    // When the user types a new name: nothing changes until Enter
    await userEvent.clear(name);
    await userEvent.type(name, 'Charge the card');
    expect(steps()).toBe(0);
    await userEvent.type(name, '{Enter}');

    // Then one command renamed it, and the id stayed
    expect(steps()).toBe(1);
    expect(doc().model.elements.find((element) => element.id === 'charge')?.name).toBe(
      'Charge the card',
    );
    expect(screen.getByRole('textbox', { name: 'Id' })).toHaveProperty('value', 'charge');

    // And undo restores the document exactly, and the field with it
    editor.getState().undo();
    expect(doc()).toBe(before);
    expect(await screen.findByDisplayValue('Charge card')).toBe(
      screen.getByRole('textbox', { name: 'Name' }),
    );
  });

  it('refuses an empty name with a message linked to the field', async () => {
    const { steps } = await open(panelFlow(), { selection: ['charge'] });
    const name = screen.getByRole('textbox', { name: 'Name' });
    await userEvent.clear(name);
    await userEvent.tab();
    const message = 'Enter a name: it is what people read on the canvas (the id stays as it is).';
    expect(screen.getByText(message)).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toContain(screen.getByText(message).id);
    expect(steps()).toBe(0);
  });

  it('keeps the id read-only and copies it', async () => {
    const user = userEvent.setup();
    await open(panelFlow(), { selection: ['charge'] });
    const id = screen.getByRole('textbox', { name: 'Id' });
    expect(id).toHaveProperty('readOnly', true);
    await user.click(screen.getByRole('button', { name: 'Copy id' }));
    expect(await navigator.clipboard.readText()).toBe('charge');
    expect(screen.getByRole('status').textContent).toBe('Copied');
  });
});
