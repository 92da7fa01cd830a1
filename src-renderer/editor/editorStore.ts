import { createStore } from 'zustand/vanilla';
import type { Client, OpenedWorkflow, VersionSummary } from '../../src-shared/contract/contract';
import type { Command } from '../../src-shared/editing/commands';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { ElementType } from '../../src-shared/model/elementTypes';
import {
  createEditorState,
  execute,
  redo,
  undo,
  type EditorState,
} from '../../src-shared/editing/history';
import { compareWith, type Comparison } from '../versions/comparison';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export interface EditorStoreState {
  readonly workflowId: string;
  readonly editor: EditorState;
  readonly revision: number;
  readonly savedAt: number;
  readonly saveStatus: SaveStatus;
  readonly saveError: string | null;
  /** The palette element waiting for a click on the canvas (ephemeral, not history). */
  readonly placing: ElementType | null;
  readonly setPlacing: (type: ElementType | null) => void;
  /** The selected elements and connections (ephemeral, not history). */
  readonly selection: readonly string[];
  readonly setSelection: (ids: readonly string[]) => void;
  /** Asks the canvas to select and centre an item (a problem clicked, a search hit). */
  readonly focusRequest: { readonly id: string; readonly serial: number } | null;
  readonly focus: (id: string) => void;
  /** Asks the canvas to select exactly these items (select all, deselect), without moving. */
  readonly selectRequest: { readonly ids: readonly string[]; readonly serial: number } | null;
  readonly select: (ids: readonly string[]) => void;
  /** A saved version shown against the document on the canvas (ephemeral, not history). */
  readonly comparison: Comparison | null;
  readonly compare: (version: VersionSummary, base: WorkflowDocument) => void;
  readonly closeComparison: () => void;
  readonly run: (command: Command) => void;
  readonly undo: () => void;
  readonly redo: () => void;
  /** Saves now whatever is pending; resolves when the draft is stored. */
  readonly flush: () => Promise<void>;
  readonly dispose: () => void;
}

export type EditorStore = ReturnType<typeof createEditorStore>;

/** How long edits are gathered before one autosave (well within the one-second promise). */
export const AUTOSAVE_DELAY_MS = 250;

/**
 * One open document: its undo history and its autosave. Every change is saved as a draft within
 * a second; saves run one at a time, each building on the revision the previous one produced.
 */
export function createEditorStore(
  client: Client,
  opened: OpenedWorkflow,
  onError: (error: unknown) => void,
) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let savedDoc = opened.document;

  const store = createStore<EditorStoreState>()((set, get) => {
    const save = (): Promise<void> => {
      clearTimeout(timer);
      timer = undefined;
      inFlight = inFlight.then(async () => {
        const { editor, revision, workflowId } = get();
        if (editor.doc === savedDoc) {
          if (get().saveStatus !== 'error') set({ saveStatus: 'saved' });
          return;
        }
        set({ saveStatus: 'saving' });
        try {
          const saved = await client['drafts.save']({
            id: workflowId,
            baseRevision: revision,
            document: editor.doc,
          });
          savedDoc = editor.doc;
          set({
            revision: saved.revision,
            savedAt: saved.savedAt,
            saveStatus: get().editor.doc === savedDoc ? 'saved' : 'pending',
            saveError: null,
          });
        } catch (error) {
          set({
            saveStatus: 'error',
            saveError: error instanceof Error ? error.message : String(error),
          });
          onError(error);
        }
      });
      return inFlight;
    };

    const changed = (editor: EditorState) => {
      if (editor === get().editor) return;
      const { comparison } = get();
      set({
        editor,
        saveStatus: 'pending',
        comparison: comparison && compareWith(comparison.version, comparison.base, editor.doc),
      });
      clearTimeout(timer);
      timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    };

    return {
      workflowId: opened.workflow.id,
      editor: createEditorState(opened.document),
      revision: opened.revision,
      savedAt: opened.savedAt,
      saveStatus: 'saved',
      saveError: null,
      placing: null,
      setPlacing: (placing) => set({ placing }),
      selection: [],
      setSelection: (selection) => {
        const current = get().selection;
        const same =
          current.length === selection.length &&
          current.every((id, index) => id === selection[index]);
        if (!same) set({ selection: [...selection] });
      },
      focusRequest: null,
      focus: (id) => set({ focusRequest: { id, serial: (get().focusRequest?.serial ?? 0) + 1 } }),
      selectRequest: null,
      select: (ids) =>
        set({ selectRequest: { ids: [...ids], serial: (get().selectRequest?.serial ?? 0) + 1 } }),
      comparison: null,
      compare: (version, base) => set({ comparison: compareWith(version, base, get().editor.doc) }),
      closeComparison: () => set({ comparison: null }),
      run: (command) => {
        try {
          changed(execute(get().editor, command));
        } catch (error) {
          onError(error);
        }
      },
      undo: () => changed(undo(get().editor)),
      redo: () => changed(redo(get().editor)),
      flush: save,
      dispose: () => {
        if (timer !== undefined) void save();
      },
    };
  });
  return store;
}
