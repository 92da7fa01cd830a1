import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import { createInProcessPlatform } from '../../test/helpers/inProcessPlatform';
import { loadExample } from '../../test/helpers/layoutDocuments';
import { createEditorStore } from '../editor/editorStore';
import { EditorContext } from '../editor/EditorContext';
import { LayoutToolbar } from './LayoutToolbar';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** The toolbar over a real editor store holding travel-booking, opened from in-memory SQLite. */
async function renderToolbar({ active = true }: { active?: boolean } = {}) {
  const platform = createInProcessPlatform();
  const { client } = platform;
  const { id } = await client['workflows.import']({
    text: serializeDocument(loadExample('travel-booking')),
  });
  const opened = await client['workflows.open']({ id });
  const errors: unknown[] = [];
  const store = createEditorStore(client, opened, (error) => errors.push(error));
  close = async () => {
    await store.getState().flush();
    platform.core.close();
  };
  render(
    <EditorContext.Provider value={store}>
      <LayoutToolbar active={active} />
    </EditorContext.Provider>,
  );
  return {
    store,
    errors,
    doc: () => store.getState().editor.doc,
    steps: () => store.getState().editor.past.length,
    select: (ids: readonly string[]) => act(() => store.getState().setSelection(ids)),
    button: (name: string) => screen.getByRole<HTMLButtonElement>('button', { name }),
  };
}

const BRANCHES = ['bookFlight', 'reserveHotel', 'reserveCar'];
/** A gateway, a task and an end event: three widths, three places. */
const MIXED = ['bookAll', 'bookFlight', 'tripBooked'];
const ALIGN = ['Align left', 'Align centre', 'Align right', 'Align top', 'Align middle'];
const DISTRIBUTE = ['Distribute horizontally', 'Distribute vertically'];

describe('LayoutToolbar', () => {
  it('given no selection, when shown, then auto-layout is on and align and distribute are off', async () => {
    const { button } = await renderToolbar();

    expect(screen.getByRole('toolbar', { name: 'Layout' })).toBeTruthy();
    expect(button('Auto-layout').disabled).toBe(false);
    for (const name of [...ALIGN, 'Align bottom', ...DISTRIBUTE]) {
      expect(button(name).disabled, name).toBe(true);
    }
  });

  it('given two then three selected shapes, when shown, then align and then distribute turn on', async () => {
    const { button, select } = await renderToolbar();

    select(BRANCHES.slice(0, 2));
    expect(button('Align left').disabled).toBe(false);
    expect(button('Distribute vertically').disabled).toBe(true);

    select(BRANCHES);
    expect(button('Distribute vertically').disabled).toBe(false);
  });

  it('given the buttons, when read, then each title names its shortcut', async () => {
    const { button } = await renderToolbar();

    expect(button('Auto-layout').title).toContain('Ctrl+Shift+L');
    expect(button('Align left').title).toContain('Alt+Shift+L');
    expect(button('Distribute horizontally').title).toContain('Alt+Shift+H');
    expect(button('Align left').title).toContain('select two shapes or more');
  });

  it('given shapes of three sizes, when align centre and then align left are clicked, then each lines them up in one undoable step', async () => {
    const { button, select, doc, steps, store } = await renderToolbar();
    const before = doc();
    select(MIXED);
    await userEvent.click(button('Align centre'));
    const xs = () => MIXED.map((id) => doc().diagram.shapes[id]!.x);
    const centred = xs();
    expect(new Set(centred).size).toBe(3);

    await userEvent.click(button('Align left'));

    expect(new Set(xs()).size).toBe(1);
    expect(xs()).not.toEqual(centred);
    expect(steps()).toBe(2);
    act(() => store.getState().undo());
    act(() => store.getState().undo());
    expect(doc()).toBe(before);
  });

  it('given the whole diagram, when auto-layout is clicked, then it is laid out in one undoable step', async () => {
    const { button, doc, steps, store, errors } = await renderToolbar();
    const before = doc();

    await userEvent.click(button('Auto-layout'));

    await waitFor(() => expect(steps()).toBe(1), { timeout: 30_000 });
    const shapes = doc().diagram.shapes;
    expect(shapes.bookFlight!.x).toBe(shapes.reserveCar!.x);
    expect(shapes.bookFlight!.x).toBeGreaterThan(shapes.bookAll!.x);
    expect(errors).toEqual([]);
    act(() => store.getState().undo());
    expect(doc()).toBe(before);
  }, 60_000);

  it('given selected tasks, when Alt+Shift+L and then Ctrl+Shift+L are pressed, then they are aligned and then laid out', async () => {
    const { select, doc, steps } = await renderToolbar();
    select(MIXED);

    fireEvent.keyDown(window, { code: 'KeyL', key: 'L', altKey: true, shiftKey: true });
    expect(new Set(MIXED.map((id) => doc().diagram.shapes[id]!.x)).size).toBe(1);
    expect(steps()).toBe(1);

    select(['bookAll', ...BRANCHES, 'allBooked']);
    fireEvent.keyDown(window, { code: 'KeyL', key: 'L', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(steps()).toBe(2), { timeout: 30_000 });
    const [flight, hotel] = BRANCHES.map((id) => doc().diagram.shapes[id]!);
    expect(hotel!.y).toBeGreaterThan(flight!.y);
    expect(doc().diagram.shapes.allBooked!.x).toBeGreaterThan(hotel!.x);
  }, 60_000);

  it('given a document not in front, when a shortcut is pressed, then nothing happens', async () => {
    const { select, steps } = await renderToolbar({ active: false });
    select(MIXED);

    fireEvent.keyDown(window, { code: 'KeyL', key: 'L', altKey: true, shiftKey: true });

    expect(steps()).toBe(0);
  });

  it('given someone typing in a field, when a shortcut is pressed, then the field keeps it', async () => {
    const { select, steps } = await renderToolbar();
    select(MIXED);
    const field = document.body.appendChild(document.createElement('input'));

    fireEvent.keyDown(field, { code: 'KeyL', key: 'L', altKey: true, shiftKey: true });

    expect(steps()).toBe(0);
    field.remove();
  });
});
