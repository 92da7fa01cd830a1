import { EditorView } from '@codemirror/view';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { withTextMeasuring } from '../../../test/helpers/panelLayout';
import { DataPanel, parseInstanceData } from './DataPanel';

withTextMeasuring();

const data = {
  orderId: 'o-1',
  amount: 120,
  paid: false,
  items: [{ sku: 'SKU-1', quantity: 2 }],
  customer: { name: 'Ada', address: { city: 'Ghent' } },
  note: null,
};

/** Replaces the editor's whole text, as typing or pasting would, through CodeMirror itself. */
function typeInEditor(text: string) {
  const editor = document.querySelector<HTMLElement>('.cm-editor');
  const view = editor && EditorView.findFromDOM(editor);
  if (!view) throw new Error('no CodeMirror editor on the page');
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
  return view;
}

describe('the data panel', () => {
  it('shows the instance data as a tree whose branches open and close with the mouse and the keyboard', async () => {
    const user = userEvent.setup();
    render(<DataPanel data={data} cursor={12} />);
    const tree = screen.getByRole('tree', { name: 'Instance data' });
    expect(
      within(screen.getByRole('region', { name: 'Data' })).getByText('Instance data at #12'),
    ).toBeTruthy();
    expect(within(tree).getByRole('treeitem', { name: 'orderId: "o-1"' })).toBeTruthy();
    expect(within(tree).getByRole('treeitem', { name: 'amount: 120' })).toBeTruthy();
    const customer = within(tree).getByRole('treeitem', { name: 'customer: {…} 2 keys' });
    expect(customer.getAttribute('aria-expanded')).toBe('true');
    // The third level starts closed.
    const address = within(customer).getByRole('treeitem', { name: 'address: {…} 1 key' });
    expect(address.getAttribute('aria-expanded')).toBe('false');
    expect(within(tree).queryByRole('treeitem', { name: 'city: "Ghent"' })).toBeNull();
    await user.click(within(address).getByText('address'));
    expect(within(tree).getByRole('treeitem', { name: 'city: "Ghent"' })).toBeTruthy();

    customer.focus();
    await user.keyboard('{ArrowLeft}');
    expect(customer.getAttribute('aria-expanded')).toBe('false');
    expect(within(tree).queryByRole('treeitem', { name: 'address: {…} 1 key' })).toBeNull();
    await user.keyboard('{ArrowRight}');
    expect(customer.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(
      within(tree).getByRole('treeitem', { name: 'name: "Ada"' }),
    );
    // Without a fork handler there is nothing to edit.
    expect(screen.queryByRole('button', { name: 'Edit data…' })).toBeNull();
  });

  it('edits the data as JSON, names what is wrong while keeping the text, and continues as a new branch', async () => {
    const user = userEvent.setup();
    const onForkWithData = vi.fn();
    render(<DataPanel data={data} cursor={12} onForkWithData={onForkWithData} />);
    await user.click(screen.getByRole('button', { name: 'Edit data…' }));
    const view = typeInEditor('{\n  "orderId": "o-1",\n  "amount": 90\n  "paid": true\n}');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(
      /^Not valid JSON: .*line 4, column 3|^Not valid JSON: .*line 4 column 3/,
    );
    expect(view.state.doc.toString()).toContain('"paid": true');
    const continueButton = screen.getByRole('button', { name: 'Continue as new branch' });
    expect((continueButton as HTMLButtonElement).disabled).toBe(true);

    typeInEditor('[1, 2]');
    expect(screen.getByRole('alert').textContent).toBe(
      'The instance data must be a JSON object ({ … }), not an array',
    );

    typeInEditor('{ "orderId": "o-1", "amount": 90, "paid": true }');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Continue as new branch' }));
    expect(onForkWithData).toHaveBeenCalledWith({ orderId: 'o-1', amount: 90, paid: true }, 12);
    expect(screen.getByRole('tree', { name: 'Instance data' })).toBeTruthy();
  });

  it('leaves the editor with Escape and reports data it could not read', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<DataPanel data={data} cursor={3} onForkWithData={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Edit data…' }));
    expect(document.querySelector('.cm-editor')).not.toBeNull();
    await user.keyboard('{Escape}');
    expect(document.querySelector('.cm-editor')).toBeNull();
    rerender(<DataPanel data={undefined} cursor={3} error="run-1 has no entry 3" />);
    expect(screen.getByRole('alert').textContent).toBe(
      'The instance data at entry #3 cannot be read: run-1 has no entry 3',
    );
  });

  it('checks edited text', () => {
    const problem = (text: string) => {
      const parsed = parseInstanceData(text);
      return parsed.ok ? null : parsed.message;
    };
    expect(parseInstanceData('{"a": 1}')).toEqual({ ok: true, data: { a: 1 } });
    expect(problem('42')).toContain('not a number');
    expect(problem('null')).toContain('not null');
    expect(problem('')).toMatch(/^Not valid JSON/);
  });
});
