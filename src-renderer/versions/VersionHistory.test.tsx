import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessPlatform } from '../../test/helpers/inProcessPlatform';
import { loadExamples } from '../../test/shared/exampleFiles';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { WorkspaceContext } from '../app/WorkspaceContext';
import { createWorkspaceStore } from '../app/workspaceStore';
import { EditorContext, useEditor } from '../editor/EditorContext';
import { createEditorStore, type EditorStore } from '../editor/editorStore';
import { PlatformContext } from '../platform/PlatformContext';
import { ComparisonPanel } from './ComparisonPanel';
import { VersionHistory } from './VersionHistory';

const orderSaga = (): WorkflowDocument => {
  const found = loadExamples('flow').find(([name]) => name === 'order-saga');
  if (!found) throw new Error('assets/examples/order-saga.json is missing');
  return found[1];
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** The header's History and, while comparing, the canvas's comparison panel. */
function VersionsUnderTest({ workflowId }: { workflowId: string }) {
  const comparison = useEditor((state) => state.comparison);
  return (
    <>
      <VersionHistory workflowId={workflowId} />
      {comparison && <ComparisonPanel comparison={comparison} />}
    </>
  );
}

/**
 * The order saga imported and opened over the real services (in-memory SQLite); with `versions`,
 * saved as version 1 ("before the review"), then edited in the editor (a task deleted, another
 * renamed) and saved as version 2.
 */
async function renderVersions({ versions }: { versions: boolean }) {
  const platform = createInProcessPlatform();
  const { client } = platform;
  const { id } = await client['workflows.import']({ text: serializeDocument(orderSaga()) });
  const errors: unknown[] = [];
  const editor: EditorStore = createEditorStore(
    client,
    await client['workflows.open']({ id }),
    (error) => errors.push(error),
  );
  if (versions) {
    await client['versions.create']({ id, label: 'before the review' });
    editor.getState().run({ type: 'elements.delete', ids: ['reserveInventory'] });
    editor.getState().run({ type: 'elements.rename', id: 'chargePayment', name: 'Charge card' });
    await editor.getState().flush();
    await client['versions.create']({ id });
  }
  const workspace = createWorkspaceStore(client, new Map() as unknown as Storage);
  await workspace.getState().refresh();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <PlatformContext.Provider value={platform}>
      <WorkspaceContext.Provider value={workspace}>
        <EditorContext.Provider value={editor}>{children}</EditorContext.Provider>
      </WorkspaceContext.Provider>
    </PlatformContext.Provider>
  );
  render(<VersionsUnderTest workflowId={id} />, { wrapper });
  closers.push(async () => {
    await editor.getState().flush();
    platform.core.close();
  });
  const names = () => editor.getState().editor.doc.model.elements.map((element) => element.name);
  return { editor, errors, names, workspace };
}

async function openHistory() {
  await userEvent.click(screen.getByRole('button', { name: 'History' }));
  return screen.getByRole('dialog', { name: 'History' });
}

const versionRow = async (history: HTMLElement, name: string) =>
  within(history).findByRole('listitem', { name: new RegExp(`^${name}\\b`) });

describe('version history (jsdom, real services on in-memory SQLite)', () => {
  it('given two saved versions, when History is opened, then they are listed newest first with their labels', async () => {
    await renderVersions({ versions: true });

    const history = await openHistory();

    await versionRow(history, 'Version 1');
    const rows = within(within(history).getByRole('list', { name: 'Versions' })).getAllByRole(
      'listitem',
    );
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Version 2 /),
      expect.stringMatching(/^Version 1 before the review/),
    ]);
  });

  it('given no saved version, when History is opened, then it says how to make one', async () => {
    await renderVersions({ versions: false });

    const history = await openHistory();

    expect(await within(history).findByText(/No versions yet/)).toBeTruthy();
  });

  it('given version 1, when compared with current, then the panel names the removed task and the renamed one with what changed, until it is closed', async () => {
    const { editor } = await renderVersions({ versions: true });
    const history = await openHistory();

    await userEvent.click(
      within(await versionRow(history, 'Version 1')).getByRole('button', {
        name: 'Compare with current',
      }),
    );

    const panel = await screen.findByRole('complementary', {
      name: 'Version 1 “before the review” compared with the draft',
    });
    const changes = within(within(panel).getByRole('list', { name: 'Changes' }))
      .getAllByRole('listitem')
      .filter((item) => item.classList.contains('diff-row'))
      .map((item) => item.textContent);
    expect(changes).toEqual([
      'Removed Reserve inventory Service task',
      'Removed Create order → Reserve inventory Connection',
      'Removed Reserve inventory → Charge payment Connection',
      'Changed Charge card Service task' + 'name "Charge payment" → "Charge card"',
    ]);
    expect(screen.queryByRole('dialog', { name: 'History' })).toBeNull();

    await userEvent.click(within(panel).getByRole('button', { name: 'Close comparison' }));

    expect(editor.getState().comparison).toBeNull();
  });

  it('given version 1, when restored, then the draft becomes it in one undoable step, and undo brings version 2 back', async () => {
    const { editor, names, errors } = await renderVersions({ versions: true });
    const history = await openHistory();

    await userEvent.click(
      within(await versionRow(history, 'Version 1')).getByRole('button', { name: 'Restore' }),
    );

    await waitFor(() => expect(names()).toContain('Reserve inventory'));
    expect(names()).toContain('Charge payment');
    expect(editor.getState().editor.past.at(-1)?.label).toBe('Restore version 1');
    act(() => editor.getState().undo());
    expect(names()).not.toContain('Reserve inventory');
    expect(names()).toContain('Charge card');
    expect(errors).toEqual([]);
  });

  it('given a comparison, when the draft is edited, then the list follows the edit', async () => {
    const { editor } = await renderVersions({ versions: true });
    const history = await openHistory();
    await userEvent.click(
      within(await versionRow(history, 'Version 1')).getByRole('button', {
        name: 'Compare with current',
      }),
    );
    const panel = await screen.findByRole('complementary', { name: /^Version 1/ });

    act(() =>
      editor
        .getState()
        .run({ type: 'elements.rename', id: 'chargePayment', name: 'Charge payment' }),
    );

    expect(within(panel).queryByText(/Charge card/)).toBeNull();
    expect(within(panel).getAllByText('Reserve inventory')).toHaveLength(1);
  });
});
