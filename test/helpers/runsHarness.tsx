import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render } from '@testing-library/react';
import { EditorView } from '@uiw/react-codemirror';
import type { ReactNode } from 'react';
import { WorkspaceContext } from '../../src-renderer/app/WorkspaceContext';
import { createWorkspaceStore } from '../../src-renderer/app/workspaceStore';
import { PlatformContext } from '../../src-renderer/platform/PlatformContext';
import type { CallChannel } from '../../src-shared/contract/contract';
import { createInProcessPlatform } from './inProcessPlatform';

export type InProcessPlatform = ReturnType<typeof createInProcessPlatform>;

/** Imports one of the worked examples (assets/examples) into the workspace and opens its draft. */
export async function importExample(platform: InProcessPlatform, name: string) {
  const text = readFileSync(join(process.cwd(), 'assets/examples', `${name}.json`), 'utf8');
  const workflow = await platform.client['workflows.import']({ text });
  const opened = await platform.client['workflows.open']({ id: workflow.id });
  return { workflow, document: opened.document };
}

/** Renders `ui` inside the app's platform and workspace providers, with a real workspace store. */
export function renderInWorkspace(platform: InProcessPlatform, ui: ReactNode) {
  const store = createWorkspaceStore(platform.client);
  const view = render(
    <PlatformContext.Provider value={platform}>
      <WorkspaceContext.Provider value={store}>{ui}</WorkspaceContext.Provider>
    </PlatformContext.Provider>,
  );
  return { store, ...view };
}

/**
 * Whether the main side in this checkout serves a channel: the debugger's channels (issue 7) are
 * built on the `backend` branch, and tests of what needs them run once it is merged.
 */
export function mainSideServes(channel: CallChannel): boolean {
  const probe = createInProcessPlatform();
  try {
    return typeof (probe.core.handlers as Partial<Record<string, unknown>>)[channel] === 'function';
  } finally {
    probe.core.close();
  }
}

/**
 * jsdom lays nothing out: CodeMirror measures text ranges, which jsdom's `Range` cannot. Empty
 * rectangles let it run (tests read and change its text, never its pixels).
 */
export function letCodeMirrorMeasure() {
  const range = Range.prototype as Partial<Pick<Range, 'getClientRects' | 'getBoundingClientRect'>>;
  if (!('getClientRects' in Range.prototype)) {
    range.getClientRects = () => Object.assign([], { item: () => null });
  }
  if (!('getBoundingClientRect' in Range.prototype)) {
    range.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
  }
}

/** The CodeMirror view behind an editor's content element (found by its accessible name). */
export function codeMirrorOf(content: HTMLElement): EditorView {
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('no CodeMirror editor here');
  return view;
}

/** Replaces a CodeMirror editor's whole text, as typing or pasting over it does. */
export function replaceCodeMirrorText(content: HTMLElement, text: string) {
  const view = codeMirrorOf(content);
  act(() => {
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: text },
      userEvent: 'input.paste',
    });
  });
}
