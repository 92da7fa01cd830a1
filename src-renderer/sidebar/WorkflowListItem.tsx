import { Copy, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { WorkflowSummary } from '../../src-shared/contract/contract';
import { useWorkspace } from '../app/WorkspaceContext';
import { InlineNameField } from '../ui/InlineNameField';

interface Props {
  readonly workflow: WorkflowSummary;
  readonly onDelete: (workflow: WorkflowSummary) => void;
}

/** One flow or map in the sidebar; double-click or F2 renames it in place. */
export function WorkflowListItem({ workflow, onDelete }: Props) {
  const isOpen = useWorkspace((state) => state.openId === workflow.id);
  const open = useWorkspace((state) => state.open);
  const rename = useWorkspace((state) => state.rename);
  const duplicate = useWorkspace((state) => state.duplicate);
  const [editing, setEditing] = useState(false);

  return (
    <li className={`workflow-item${isOpen ? ' is-open' : ''}`}>
      {editing ? (
        <InlineNameField
          className="workflow-rename"
          label={`New name for ${workflow.name}`}
          initial={workflow.name}
          maxLength={120}
          onRename={(name) => void rename(workflow.id, name)}
          onDone={() => setEditing(false)}
        />
      ) : (
        <button
          type="button"
          className="workflow-open"
          aria-label={`${workflow.name} (${workflow.kind})`}
          aria-current={isOpen ? 'page' : undefined}
          onClick={() => open(workflow.id)}
          onDoubleClick={() => setEditing(true)}
          onKeyDown={(event) => {
            if (event.key === 'F2') setEditing(true);
            if (event.key === 'Delete') onDelete(workflow);
          }}
        >
          <span className={`kind-badge kind-${workflow.kind}`} aria-hidden="true">
            {workflow.kind === 'flow' ? 'F' : 'M'}
          </span>
          <span className="workflow-name">{workflow.name}</span>
        </button>
      )}
      <span className="workflow-item-actions">
        <button
          type="button"
          title="Rename (F2)"
          aria-label={`Rename ${workflow.name}`}
          onClick={() => setEditing(true)}
        >
          <Pencil size={14} aria-hidden="true" />
        </button>
        <button
          type="button"
          title="Duplicate"
          aria-label={`Duplicate ${workflow.name}`}
          onClick={() => void duplicate(workflow.id)}
        >
          <Copy size={14} aria-hidden="true" />
        </button>
        <button
          type="button"
          title="Delete"
          aria-label={`Delete ${workflow.name}`}
          onClick={() => onDelete(workflow)}
        >
          <Trash2 size={14} aria-hidden="true" />
        </button>
      </span>
    </li>
  );
}
