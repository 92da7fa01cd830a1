import type { Command } from '../../src-shared/editing/commands';
import type { WorkflowDocument } from '../../src-shared/model/document';

/** The key that collapses or expands the selected sub-process, as its tooltip shows it. */
export const COLLAPSE_SHORTCUT = 'Alt+C';

/** Does this key press mean the collapse shortcut? (By key position: Alt+C types "ç" on a Mac.) */
export const isCollapseShortcut = (event: KeyboardEvent) =>
  event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyC';

/** The command that collapses sub-process `id` when it is expanded, and expands it otherwise. */
export function toggleCollapseCommand(doc: WorkflowDocument, id: string): Command {
  const shape = Object.hasOwn(doc.diagram.shapes, id) ? doc.diagram.shapes[id] : undefined;
  return { type: 'subProcesses.collapse', id, collapsed: shape?.collapsed !== true };
}
