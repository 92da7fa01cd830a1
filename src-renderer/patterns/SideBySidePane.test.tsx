import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PatternCounterpart } from '../../src-shared/contract/contract';
import {
  importExample,
  renderInWorkspace,
  type InProcessPlatform,
} from '../../test/helpers/runsHarness';
import { createInProcessPlatform } from '../../test/helpers/inProcessPlatform';
import { EditorContext } from '../editor/EditorContext';
import { createEditorStore, type EditorStore } from '../editor/editorStore';
import { SideBySidePane } from './SideBySidePane';

const status = () => screen.getByRole('status').textContent;
const paneNode = (id: string) => {
  const node = document.querySelector(`.react-flow__node[data-id="${id}"]`);
  if (!node) throw new Error(`no node ${id} in the pane`);
  return node;
};
const lit = () =>
  [...document.querySelectorAll('.react-flow__node.is-linked')]
    .map((node) => node.getAttribute('data-id'))
    .sort();

// jsdom lays nothing out: React Flow's edge labels measure their text with getBBox, which it
// lacks. An empty box lets them render (this test reads classes and text, never pixels).
(SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox ??= () =>
  ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;

describe('the side-by-side pane (jsdom, real services on in-memory SQLite)', () => {
  let platform: InProcessPlatform;
  let editor: EditorStore;
  let counterpart: PatternCounterpart;
  const onClose = vi.fn();

  beforeEach(async () => {
    platform = createInProcessPlatform();
    const { workflow } = await importExample(platform, 'order-saga');
    await platform.client['patterns.derive']({ id: workflow.id });
    const opened = await platform.client['workflows.open']({ id: workflow.id });
    editor = createEditorStore(platform.client, opened, (error) => {
      throw error;
    });
    const found = await platform.client['patterns.counterpart']({ id: workflow.id });
    if (!found) throw new Error('the derive left no link');
    counterpart = found;
    onClose.mockReset();
    renderInWorkspace(
      platform,
      <EditorContext.Provider value={editor}>
        <ReactFlowProvider>
          <SideBySidePane counterpart={counterpart} onClose={onClose} />
        </ReactFlowProvider>
      </EditorContext.Provider>,
    );
    await screen.findByRole('heading', { name: 'Order saga (choreography)' });
    await waitFor(() => paneNode('payment'));
  });
  afterEach(async () => {
    // An edit's autosave lands before the workspace closes.
    await act(() => editor.getState().flush());
    editor.getState().dispose();
    platform.core.close();
  });

  it('given nothing selected, then nothing is outlined and the pane says how to start', () => {
    expect(lit()).toEqual([]);
    expect(status()).toBe('Select an element on the canvas, or click one here.');
    expect(screen.getByText(/Outlined: what stands for the canvas selection/)).toBeTruthy();
  });

  it('given Charge payment selected on the canvas, then the Payment service and its events are outlined', () => {
    act(() => editor.getState().setSelection(['chargePayment']));

    expect(lit()).toEqual(['payment', 'paymentCharged', 'paymentFailed', 'paymentRefunded']);
    expect(status()).toBe('6 elements highlighted for the canvas selection');
  });

  it('given the note selected, which stands for nothing, then the pane says so', () => {
    act(() => editor.getState().setSelection(['pivotNote']));

    expect(lit()).toEqual([]);
    expect(status()).toBe('No counterpart for this element');
  });

  it('given Charge payment deleted from the flow since the derive, then selecting its id maps to nothing', () => {
    act(() => editor.getState().run({ type: 'elements.delete', ids: ['chargePayment'] }));
    act(() => editor.getState().setSelection(['chargePayment']));

    expect(lit()).toEqual([]);
    expect(status()).toBe('No counterpart for this element');
  });

  it('given a click on the Inventory service in the pane, then the canvas is asked to select Reserve inventory and Inventory stays outlined once it has', () => {
    fireEvent.click(paneNode('inventory'));
    expect(editor.getState().selectRequest?.ids).toEqual(['reserveInventory']);

    // The canvas carries out the request (FlowCanvas sets the selection it was asked for).
    act(() => editor.getState().setSelection(['reserveInventory']));

    expect(lit()).toEqual(['inventory']);
    expect(status()).toBe('Its counterpart is selected on the canvas: 1 element');
  });

  it('given Escape in the pane, then it closes', () => {
    fireEvent.keyDown(screen.getByRole('complementary'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Close side by side' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
