import { History } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { VersionSummary } from '../../src-shared/contract/contract';
import { useWorkspace } from '../app/WorkspaceContext';
import { usePlatform } from '../platform/PlatformContext';
import { formatSavedAt } from './formatSavedAt';
import { useVersionActions } from './useVersionActions';
import './versions.css';

/**
 * "History": the saved versions of the open document, newest first, each with "Compare with
 * current" (the canvas's diff mode) and "Restore" (one undoable step).
 */
export function VersionHistory({ workflowId }: { workflowId: string }) {
  const { client } = usePlatform();
  const reportError = useWorkspace((state) => state.reportError);
  const versionCount = useWorkspace(
    (state) => state.workflows.find((item) => item.id === workflowId)?.versionCount ?? 0,
  );
  const { compare, restore } = useVersionActions();
  const [open, setOpen] = useState(false);
  const [versions, setVersions] = useState<readonly VersionSummary[] | null>(null);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    client['versions.list']({ id: workflowId }).then(
      (list) => current && setVersions(list),
      (error: unknown) => current && reportError(error),
    );
    return () => {
      current = false;
    };
  }, [open, client, workflowId, versionCount, reportError]);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const act = (action: (version: number) => Promise<void>, version: number) => {
    setOpen(false);
    void action(version);
  };

  return (
    <div
      className="version-history"
      ref={root}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.preventDefault();
        setOpen(false);
        trigger.current?.focus();
      }}
    >
      <button
        ref={trigger}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label="History"
        title="Saved versions: compare one with the draft or restore it"
        onClick={() => setOpen((value) => !value)}
      >
        <History size={14} aria-hidden="true" />
        <span className="button-label">History</span>
      </button>
      {open && (
        <div id={panelId} className="version-history-panel" role="dialog" aria-label="History">
          <h2>Saved versions</h2>
          {versions === null ? (
            <p className="version-history-empty">Loading…</p>
          ) : versions.length === 0 ? (
            <p className="version-history-empty">
              No versions yet. “Save version” keeps the draft as version 1.
            </p>
          ) : (
            <ol className="version-list" aria-label="Versions">
              {versions.map((version) => (
                <VersionRow
                  key={version.id}
                  version={version}
                  onCompare={() => act(compare, version.number)}
                  onRestore={() => act(restore, version.number)}
                />
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}

function VersionRow({
  version,
  onCompare,
  onRestore,
}: {
  version: VersionSummary;
  onCompare: () => void;
  onRestore: () => void;
}) {
  const titleId = useId();
  return (
    <li className="version-row" aria-labelledby={titleId}>
      <div className="version-row-title" id={titleId}>
        <strong>Version {version.number}</strong>{' '}
        {version.label && <span className="version-label">{version.label}</span>}
      </div>
      <time className="version-date" dateTime={new Date(version.createdAt).toISOString()}>
        {formatSavedAt(version.createdAt)}
      </time>
      <div className="version-row-actions">
        <button type="button" onClick={onCompare}>
          Compare with current
        </button>
        <button
          type="button"
          title="Replace the draft with this version (Undo brings the draft back)"
          onClick={onRestore}
        >
          Restore
        </button>
      </div>
    </li>
  );
}
