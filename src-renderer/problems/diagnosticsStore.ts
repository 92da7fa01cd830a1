import { createStore } from 'zustand/vanilla';
import type { Client, Subscribe } from '../../src-shared/contract/contract';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { Diagnostic } from '../../src-shared/validation/Diagnostic';
import { validateDocument } from '../../src-shared/validation/validateDocument';
import type { EditorStore } from '../editor/editorStore';
import { createWorkspaceReferences } from './workspaceReferences';

export interface DiagnosticsState {
  /** Every finding, in `validateDocument`'s order (code, element id, message). */
  readonly diagnostics: readonly Diagnostic[];
  /** The findings about one element or connection, by its id. */
  readonly byElement: ReadonlyMap<string, readonly Diagnostic[]>;
  /** The findings about the whole document. */
  readonly documentLevel: readonly Diagnostic[];
  /** False until the document has been checked once (the workspace catalog is on its way). */
  readonly checked: boolean;
  /** How many times the document has been checked: a new number is a new result. */
  readonly validations: number;
  /** Why the workspace could not be read, when it could not: nothing is checked then. */
  readonly failure: string | null;
  /**
   * Starts following the document and the workspace; returns what stops it. May be called again
   * after stopping (React's strict mode does).
   */
  readonly connect: () => () => void;
  /** Reads the workspace catalog and flows again (after the catalog was edited, say). */
  readonly reloadWorkspace: () => Promise<void>;
}

export type DiagnosticsStore = ReturnType<typeof createDiagnosticsStore>;

/** How long after the last change the document is checked again: typing is never held up. */
export const VALIDATION_DELAY_MS = 150;

export interface DiagnosticsOptions {
  readonly editor: EditorStore;
  readonly client: Client;
  readonly subscribe: Subscribe;
  readonly delayMs?: number;
}

const NO_DIAGNOSTICS: readonly Diagnostic[] = [];

/**
 * The problems of one open document, found with `validateDocument` against the workspace's
 * catalog and flows, and checked again a moment after each change. A change that cannot alter the
 * result (a node moved: only positions in `diagram` differ) is not checked again.
 */
export function createDiagnosticsStore({
  editor,
  client,
  subscribe,
  delayMs = VALIDATION_DELAY_MS,
}: DiagnosticsOptions) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let connected = false;
  let loading: Promise<void> | undefined;
  let lastChecked: { readonly doc: WorkflowDocument; readonly serial: number } | undefined;

  return createStore<DiagnosticsState>()((set, get) => {
    const check = () => {
      clearTimeout(timer);
      timer = undefined;
      const context = references.context();
      if (!context) return;
      const doc = editor.getState().editor.doc;
      lastChecked = { doc, serial: references.serial() };
      set({
        ...grouped(validateDocument(doc, context), get().byElement),
        checked: true,
        validations: get().validations + 1,
      });
    };

    const schedule = () => {
      clearTimeout(timer);
      timer = connected ? setTimeout(check, delayMs) : undefined;
    };

    const documentChanged = (doc: WorkflowDocument) => {
      const unchanged =
        lastChecked !== undefined &&
        lastChecked.serial === references.serial() &&
        sameForValidation(lastChecked.doc, doc);
      if (unchanged) clearTimeout(timer);
      else schedule();
    };

    const references = createWorkspaceReferences(client, editor.getState().workflowId, schedule);

    const reloadWorkspace = () => {
      loading ??= references
        .load()
        .then(
          () => {
            set({ failure: null });
            if (connected) check();
          },
          (error: unknown) =>
            set({ failure: error instanceof Error ? error.message : String(error) }),
        )
        .finally(() => (loading = undefined));
      return loading;
    };

    return {
      diagnostics: NO_DIAGNOSTICS,
      byElement: new Map(),
      documentLevel: NO_DIAGNOSTICS,
      checked: false,
      validations: 0,
      failure: null,
      reloadWorkspace,
      connect: () => {
        connected = true;
        const stopEditing = editor.subscribe((state, previous) => {
          if (state.editor.doc !== previous.editor.doc) documentChanged(state.editor.doc);
        });
        const stopWatching = subscribe('workflows.changed', ({ id }) => {
          void references.workflowChanged(id).catch(() => undefined);
        });
        if (references.context()) documentChanged(editor.getState().editor.doc);
        else void reloadWorkspace();
        return () => {
          connected = false;
          clearTimeout(timer);
          timer = undefined;
          stopEditing();
          stopWatching();
        };
      },
    };
  });
}

/** Findings by element, keeping an element's previous list when it did not change (no re-render). */
function grouped(
  diagnostics: readonly Diagnostic[],
  previous: ReadonlyMap<string, readonly Diagnostic[]>,
): Pick<DiagnosticsState, 'diagnostics' | 'byElement' | 'documentLevel'> {
  const byElement = new Map<string, Diagnostic[]>();
  const documentLevel: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const id = diagnostic.elementId;
    if (id === undefined) documentLevel.push(diagnostic);
    else byElement.set(id, [...(byElement.get(id) ?? []), diagnostic]);
  }
  const kept = new Map<string, readonly Diagnostic[]>();
  for (const [id, list] of byElement) {
    const before = previous.get(id);
    kept.set(id, before && sameDiagnostics(before, list) ? before : list);
  }
  return { diagnostics, byElement: kept, documentLevel };
}

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return (
    a.length === b.length &&
    a.every((diagnostic, index) => {
      const other = b[index];
      return (
        other !== undefined &&
        diagnostic.code === other.code &&
        diagnostic.severity === other.severity &&
        diagnostic.message === other.message &&
        diagnostic.help === other.help
      );
    })
  );
}

/**
 * Whether two documents check the same: everything but the diagram is the same object (documents
 * are immutable, with structural sharing), and the diagram has shapes and routes for the same ids,
 * which is all validation reads of it.
 */
export function sameForValidation(a: WorkflowDocument, b: WorkflowDocument): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof WorkflowDocument)[]);
  for (const key of keys) {
    if (key !== 'diagram' && a[key] !== b[key]) return false;
  }
  return (
    a.diagram === b.diagram ||
    (sameKeys(a.diagram.shapes, b.diagram.shapes) &&
      sameKeys(a.diagram.edges ?? {}, b.diagram.edges ?? {}))
  );
}

function sameKeys(a: object, b: object): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key));
}
