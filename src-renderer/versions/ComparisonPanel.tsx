import { useId, useMemo } from 'react';
import { useEditor, useEditorStore } from '../editor/EditorContext';
import type { Comparison } from './comparison';
import { formatSavedAt } from './formatSavedAt';
import { listChanges, type ChangeRow, type ChangeStatus } from './listChanges';
import { useVersionActions } from './useVersionActions';
import './versions.css';

const statusLabel: Record<ChangeStatus, string> = {
  removed: 'Removed',
  added: 'Added',
  changed: 'Changed',
  moved: 'Moved',
};

/**
 * The key to the canvas's diff mode and the list of what differs between a saved version and the
 * draft, with "Restore version N" and "Close comparison" (back to editing).
 */
export function ComparisonPanel({ comparison }: { comparison: Comparison }) {
  const store = useEditorStore();
  const doc = useEditor((state) => state.editor.doc);
  const { restoreDocument } = useVersionActions();
  const titleId = useId();
  const { version } = comparison;
  const rows = useMemo(() => listChanges(comparison, doc), [comparison, doc]);
  const close = () => store.getState().closeComparison();

  return (
    <aside
      className="comparison-panel"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <h2 id={titleId}>
        Version {version.number}
        {version.label ? ` “${version.label}”` : ''} compared with the draft
      </h2>
      <p className="comparison-saved">Saved {formatSavedAt(version.createdAt)}</p>
      <ul className="diff-legend" aria-label="Legend">
        {(['added', 'removed', 'changed', 'moved'] as const).map((status) => (
          <li key={status}>
            <span className={`diff-swatch diff-swatch-${status}`} aria-hidden="true" />
            {statusLabel[status]}
          </li>
        ))}
      </ul>
      {comparison.diff.document.length > 0 && (
        <ul className="diff-details" aria-label="Document changes">
          {comparison.diff.document.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {rows.length === 0 && comparison.diff.document.length === 0 ? (
        <p className="comparison-empty">No differences: the draft is the same as this version.</p>
      ) : (
        <ul className="diff-list" aria-label="Changes">
          {rows.map((row) => (
            <ChangeItem
              key={`${row.status}:${row.id}`}
              row={row}
              onShow={() => store.getState().focus(row.id)}
            />
          ))}
        </ul>
      )}
      <div className="comparison-actions">
        <button
          type="button"
          title="Replace the draft with this version (Undo brings the draft back)"
          onClick={() => restoreDocument(version, comparison.base)}
        >
          Restore version {version.number}
        </button>
        <button type="button" className="primary" onClick={close}>
          Close comparison
        </button>
      </div>
    </aside>
  );
}

function ChangeItem({ row, onShow }: { row: ChangeRow; onShow: () => void }) {
  const name = row.inDocument ? (
    <button
      type="button"
      className="diff-name diff-name-button"
      title="Show on the canvas"
      onClick={onShow}
    >
      {row.name}
    </button>
  ) : (
    <span className="diff-name">{row.name}</span>
  );
  return (
    <li className={`diff-row diff-row-${row.status}`}>
      <span className="diff-status">{statusLabel[row.status]}</span> {name}{' '}
      <span className="diff-kind">{row.kind}</span>
      {row.details.length > 0 && (
        <ul className="diff-details">
          {row.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
