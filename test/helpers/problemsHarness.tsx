import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReactNode } from 'react';
import type { Element, ElementOf, WorkflowDocument } from '../../src-shared/model/document';
import { createEditorStore, type EditorStore } from '../../src-renderer/editor/editorStore';
import { EditorContext } from '../../src-renderer/editor/EditorContext';
import { PlatformContext } from '../../src-renderer/platform/PlatformContext';
import type { Platform } from '../../src-renderer/platform/Platform';
import { DiagnosticsProvider } from '../../src-renderer/problems/DiagnosticsProvider';
import { createInProcessPlatform } from './inProcessPlatform';

/** A deliberately broken document of `test/fixtures/broken`, by file name without `.json`. */
export function brokenFixture(name: string): WorkflowDocument {
  const path = join(import.meta.dirname, '..', 'fixtures', 'broken', `${name}.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as WorkflowDocument;
}

/** The element `id` of `doc`, which must be of `type`. */
export function elementOf<T extends Element['type']>(
  doc: WorkflowDocument,
  id: string,
  type: T,
): ElementOf<T> {
  const element = doc.model.elements.find((candidate) => candidate.id === id);
  if (element?.type !== type) throw new Error(`${id} is not a ${type}`);
  return element as ElementOf<T>;
}

export interface OpenedForProblems {
  readonly workflowId: string;
  readonly editor: EditorStore;
  /** Errors the editor store reported (a failed autosave, a refused command). */
  readonly errors: unknown[];
  /** The platform and the open document, as `DocumentView` provides them. */
  readonly withEditor: (props: { children: ReactNode }) => ReactNode;
  /** The same, with the document's problems checked (`DiagnosticsProvider`). */
  readonly withProblems: (props: { children: ReactNode }) => ReactNode;
}

/**
 * Stores `document` in the workspace as a new workflow (through `workflows.import`, as a file
 * would be) and opens it in a real editor store over the platform's real client.
 */
export async function openForProblems(
  platform: Platform,
  document: unknown,
): Promise<OpenedForProblems> {
  const { client } = platform;
  const summary = await client['workflows.import']({ text: JSON.stringify(document) });
  const opened = await client['workflows.open']({ id: summary.id });
  const errors: unknown[] = [];
  const editor = createEditorStore(client, opened, (error) => errors.push(error));
  const withEditor = ({ children }: { children: ReactNode }) => (
    <PlatformContext.Provider value={platform}>
      <EditorContext.Provider value={editor}>{children}</EditorContext.Provider>
    </PlatformContext.Provider>
  );
  const withProblems = ({ children }: { children: ReactNode }) =>
    withEditor({ children: <DiagnosticsProvider>{children}</DiagnosticsProvider> });
  return { workflowId: summary.id, editor, errors, withEditor, withProblems };
}

/**
 * A workspace on in-memory SQLite for problems tests: `open` stores and opens a document,
 * `close` lets the last autosaves land and closes the workspace.
 */
export function createProblemsWorkspace() {
  const platform = createInProcessPlatform();
  const opened: OpenedForProblems[] = [];
  return {
    platform,
    open: async (document: unknown) => {
      const result = await openForProblems(platform, document);
      opened.push(result);
      return result;
    },
    close: async () => {
      await Promise.all(opened.map(({ editor }) => editor.getState().flush()));
      platform.core.close();
    },
  };
}
