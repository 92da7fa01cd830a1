import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectCommand } from '../../src-shared/editing/factories';
import {
  brokenFixture,
  createProblemsWorkspace,
  elementOf,
} from '../../test/helpers/problemsHarness';
import type { DiagnosticsStore } from './diagnosticsStore';
import { useDiagnostics } from './useDiagnostics';

const deadEnd = brokenFixture('FLOW004.dead-end');
const unknownFlow = brokenFixture('FLOW105.unknown-flow');

const codes = (store: DiagnosticsStore) => store.getState().diagnostics.map(({ code }) => code);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('useDiagnostics (jsdom, real services on in-memory SQLite)', () => {
  let workspace: ReturnType<typeof createProblemsWorkspace>;
  beforeEach(() => {
    workspace = createProblemsWorkspace();
  });
  afterEach(async () => {
    cleanup();
    await workspace.close();
  });

  it('finds the problems of a broken flow, by element, and clears them once it is fixed', async () => {
    // Given a flow whose timer leads nowhere
    const { editor, withEditor } = await workspace.open(deadEnd);
    const { result } = renderHook(() => useDiagnostics(), { wrapper: withEditor });
    const store = result.current;

    // Then FLOW004 is found on the timer, and nothing about the whole document
    await waitFor(() => expect(codes(store)).toEqual(['FLOW004']));
    expect(
      store
        .getState()
        .byElement.get('coolDown')
        ?.map(({ code }) => code),
    ).toEqual(['FLOW004']);
    expect(store.getState().documentLevel).toEqual([]);

    // When the timer is connected to the end
    const doc = editor.getState().editor.doc;
    editor.getState().run(connectCommand(doc, 'coolDown', 'orderDone'));

    // Then the problem goes away
    await waitFor(() => expect(codes(store)).toEqual([]));
    expect(store.getState().byElement.size).toBe(0);
  });

  it('reports findings about the whole document apart from those about elements', async () => {
    const { withEditor } = await workspace.open({
      ...deadEnd,
      model: { elements: [], connections: [] },
      diagram: { shapes: {} },
    });
    const { result } = renderHook(() => useDiagnostics(), { wrapper: withEditor });
    await waitFor(() => expect(codes(result.current)).toEqual(['FLOW001']));
    expect(result.current.getState().documentLevel.map(({ code }) => code)).toEqual(['FLOW001']);
    expect(result.current.getState().byElement.size).toBe(0);
  });

  it('does not check again when a node only moves, but does when the model changes', async () => {
    const { editor, withEditor } = await workspace.open(deadEnd);
    const { result } = renderHook(() => useDiagnostics(), { wrapper: withEditor });
    const store = result.current;
    await waitFor(() => expect(store.getState().checked).toBe(true));
    const checks = store.getState().validations;
    const before = editor.getState().editor.doc;

    // When a node is moved (the diagram changes, the model does not)
    editor.getState().run({ type: 'nodes.move', moves: [{ id: 'coolDown', x: 400, y: 120 }] });
    expect(editor.getState().editor.doc).not.toBe(before);
    await pause(400);

    // Then nothing is checked again
    expect(store.getState().validations).toBe(checks);

    // When an element is renamed (the model changes)
    editor.getState().run({ type: 'elements.rename', id: 'coolDown', name: 'Wait a minute' });

    // Then it is checked again, with the new name in the message
    await waitFor(() => expect(store.getState().validations).toBe(checks + 1));
    expect(store.getState().byElement.get('coolDown')?.[0]?.message).toContain('Wait a minute');
  });

  it('checks call activities against the flows and versions of the workspace', async () => {
    // Given a flow calling the latest version of a flow not in the workspace
    const { editor, withEditor } = await workspace.open(unknownFlow);
    const { result } = renderHook(() => useDiagnostics(), { wrapper: withEditor });
    const store = result.current;
    await waitFor(() => expect(codes(store)).toEqual(['FLOW105']));

    // When it is pointed at a flow of the workspace that has no saved version
    const customs = await workspace.platform.client['workflows.create']({
      kind: 'flow',
      name: 'Customs',
    });
    const call = elementOf(editor.getState().editor.doc, 'clearCustoms', 'callActivity');
    editor.getState().run({ type: 'elements.update', element: { ...call, flowId: customs.id } });

    // Then it says no version is saved
    await waitFor(() => expect(codes(store)).toEqual(['FLOW106']));
    expect(store.getState().diagnostics[0]?.message).toContain('none is saved');

    // When that flow saves a version, the problem goes away without another edit
    await workspace.platform.client['versions.create']({ id: customs.id });
    await waitFor(() => expect(codes(store)).toEqual([]));
  });
});
