import type { WorkflowDocument } from '../model/document';
import { applyCommand, describeCommand, type Command } from './commands';

/** One undoable step: the documents before and after, kept by reference (they are immutable). */
export interface HistoryEntry {
  readonly label: string;
  readonly before: WorkflowDocument;
  readonly after: WorkflowDocument;
}

/** A document with its undo and redo stacks. */
export interface EditorState {
  readonly doc: WorkflowDocument;
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
}

const HISTORY_LIMIT = 200;

export function createEditorState(doc: WorkflowDocument): EditorState {
  return { doc, past: [], future: [] };
}

/** Runs a command and records it; a command that changes nothing leaves no history entry. */
export function execute(state: EditorState, command: Command): EditorState {
  const after = applyCommand(state.doc, command);
  if (after === state.doc) return state;
  const entry: HistoryEntry = { label: describeCommand(command), before: state.doc, after };
  return { doc: after, past: [...state.past, entry].slice(-HISTORY_LIMIT), future: [] };
}

export function undo(state: EditorState): EditorState {
  const entry = state.past.at(-1);
  if (!entry) return state;
  return { doc: entry.before, past: state.past.slice(0, -1), future: [entry, ...state.future] };
}

export function redo(state: EditorState): EditorState {
  const entry = state.future[0];
  if (!entry) return state;
  return { doc: entry.after, past: [...state.past, entry], future: state.future.slice(1) };
}
