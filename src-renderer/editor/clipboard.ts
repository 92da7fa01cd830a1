import { copySelection, planPaste, type Clip } from '../../src-shared/editing/clipboard';
import { elementTypeInfo } from '../../src-shared/model/elementTypes';
import type { EditorStore } from './editorStore';

/**
 * The window's clipboard for diagram elements: one for all tabs, so elements copied in one
 * document paste into another. Kept in memory (the system clipboard holds text; a copy is also
 * written there as JSON for other windows, best effort).
 */
let clip: Clip | null = null;
let pastes = 0;

/** Copies the selection of a document; returns how many elements were copied. */
export function copy(store: EditorStore): number {
  const { editor, selection } = store.getState();
  const copied = copySelection(editor.doc, selection);
  if (!copied) return 0;
  clip = copied;
  pastes = 0;
  void navigator.clipboard
    ?.writeText(JSON.stringify({ baton: 'elements', ...copied }))
    .catch(() => undefined);
  return copied.elements.length;
}

/**
 * Pastes the clipboard into a document as one undoable command, each paste a little further
 * down and right, and selects what was pasted. Elements the document's kind cannot hold are named
 * in an error and left out.
 */
export function paste(store: EditorStore, onError: (error: unknown) => void): void {
  if (!clip) return;
  pastes += 1;
  const plan = planPaste(store.getState().editor.doc, clip, { x: 40 * pastes, y: 40 * pastes });
  if (plan.refused.length > 0) {
    const kinds = [
      ...new Set(plan.refused.map((element) => elementTypeInfo[element.type].label.toLowerCase())),
    ];
    const where = store.getState().editor.doc.kind === 'map' ? 'a map' : 'a flow';
    onError(
      new Error(
        `${where} cannot hold ${kinds.join(', ')}: ${plan.refused.length} element${plan.refused.length === 1 ? ' was' : 's were'} not pasted`,
      ),
    );
  }
  if (!plan.command) return;
  store.getState().run(plan.command);
  store.getState().setSelection([...plan.renamed.values()]);
}

/** Copies the selection and pastes it into the same document. */
export function duplicate(store: EditorStore, onError: (error: unknown) => void): void {
  if (copy(store) > 0) paste(store, onError);
}

export function hasClip(): boolean {
  return clip !== null;
}
