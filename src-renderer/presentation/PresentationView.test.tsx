import { readFileSync } from 'node:fs';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDocument } from '../../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { createWorkspaceStore } from '../app/workspaceStore';
import { WorkspaceContext } from '../app/WorkspaceContext';
import {
  createProblemsWorkspace,
  type OpenedForProblems,
} from '../../test/helpers/problemsHarness';
import { PresentButton } from './PresentButton';
import { PresentationView } from './PresentationView';

function example(name: string): WorkflowDocument {
  const loaded = loadDocument(readFileSync(`assets/examples/${name}.json`, 'utf8'));
  if (!loaded.ok) throw new Error(`${name}: ${loaded.message}`);
  return loaded.document;
}

let workspace: ReturnType<typeof createProblemsWorkspace>;
let opened: OpenedForProblems;
const saga = example('order-saga');

beforeEach(async () => {
  workspace = createProblemsWorkspace();
  opened = await workspace.open(saga);
});
afterEach(async () => {
  await workspace.close();
});

/** The presentation of the order saga, over the real editor of the opened document. */
function present(doc: WorkflowDocument = saga) {
  const onLeave = vi.fn();
  const Wrapper = opened.withEditor;
  render(
    <Wrapper>
      <PresentationView doc={doc} title="Order saga" onLeave={onLeave} />
    </Wrapper>,
  );
  const dialog = screen.getByRole('dialog', { name: 'Presenting Order saga' });
  return {
    onLeave,
    dialog,
    stepName: () => within(dialog).getByRole('heading', { level: 2 }).textContent,
    progress: () => within(dialog).getByRole('status').textContent,
  };
}

describe('stepping through a presentation', () => {
  it('starts at the start event and goes on with → and Space, back with ←', async () => {
    const user = userEvent.setup();
    const { stepName, progress, dialog } = present();
    expect(stepName()).toBe('Order placed');
    expect(progress()).toBe('Step 1 / 7');
    expect(within(dialog).getByText('Starts when OrderPlaced arrives')).toBeDefined();

    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(stepName()).toBe('Charge payment');
    expect(progress()).toBe('Step 4 / 7');
    expect(within(dialog).getByText('Service task: calls Payment.charge')).toBeDefined();

    await user.keyboard('{ArrowLeft}');
    expect(stepName()).toBe('Reserve inventory');
    await user.keyboard(' ');
    expect(stepName()).toBe('Charge payment');
  });

  it('goes with the Next and Previous buttons, and stops at either end', async () => {
    const user = userEvent.setup();
    const { stepName, progress, dialog } = present();
    const previous = within(dialog).getByRole('button', { name: 'Previous' });
    const next = within(dialog).getByRole('button', { name: 'Next' });
    expect(previous).toHaveProperty('disabled', true);

    for (let step = 0; step < 10; step += 1) await user.click(next);
    expect(stepName()).toBe('Order completed');
    expect(progress()).toBe('Step 7 / 7');
    expect(next).toHaveProperty('disabled', true);

    await user.click(previous);
    expect(stepName()).toBe('Notify customer');
  });

  it('shows the note attached to a step as its description', async () => {
    const user = userEvent.setup();
    const { dialog } = present();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('Ship order');
    expect(
      within(dialog).getByText(/Shipping cannot be undone: from here the saga only goes forward/),
    ).toBeDefined();
  });

  it('shows business names and never the elements’ ids', async () => {
    const user = userEvent.setup();
    const { dialog } = present();
    const ids = saga.model.elements.map((element) => element.id);
    for (let step = 0; step < 7; step += 1) {
      const text = dialog.textContent ?? '';
      expect(ids.filter((id) => text.includes(id))).toEqual([]);
      await user.keyboard('{ArrowRight}');
    }
  });

  it('leaves with Escape or Exit', async () => {
    const user = userEvent.setup();
    const { onLeave, dialog } = present();
    await user.keyboard('{Escape}');
    expect(onLeave).toHaveBeenCalledTimes(1);
    await user.click(within(dialog).getByRole('button', { name: 'Exit' }));
    expect(onLeave).toHaveBeenCalledTimes(2);
  });

  it('keeps its keys from the editor underneath (no undo or delete behind the audience’s back)', async () => {
    const user = userEvent.setup();
    const reached: string[] = [];
    const listen = (event: KeyboardEvent) => reached.push(event.key);
    document.addEventListener('keydown', listen);
    try {
      present();
      await user.keyboard('{Delete}{Control>}z{/Control}{ArrowRight}');
      expect(reached).toEqual([]);
    } finally {
      document.removeEventListener('keydown', listen);
    }
  });

  it('says so when there is nothing to present', () => {
    const empty: WorkflowDocument = { ...saga, model: { elements: [], connections: [] } };
    const { dialog, progress } = present(empty);
    expect(within(dialog).getByText(/Nothing to present yet/)).toBeDefined();
    expect(progress()).toBe('Step 0 / 0');
  });
});

describe('the Present button', () => {
  it('opens the open document full-window and gives the focus back when it closes', async () => {
    const user = userEvent.setup();
    const workspaceStore = createWorkspaceStore(workspace.platform.client, sessionStorage);
    await workspaceStore.getState().refresh();
    const Wrapper = opened.withEditor;
    render(
      <WorkspaceContext.Provider value={workspaceStore}>
        <Wrapper>
          <PresentButton workflowId={opened.workflowId} />
        </Wrapper>
      </WorkspaceContext.Provider>,
    );
    const button = screen.getByRole('button', { name: 'Present' });
    await user.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Presenting Order saga' });
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('Order placed');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
