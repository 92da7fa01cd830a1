import { json } from '@codemirror/lang-json';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTheme } from '../../theme/useTheme';
import { JsonTree } from './JsonTree';

export interface DataPanelProps {
  /** The instance data at the cursor (the host reads it with `runs.stateAt`). */
  readonly data: unknown;
  /** The journal entry the data is from. */
  readonly cursor: number;
  /** The data for this cursor is being fetched. */
  readonly loading?: boolean;
  /** Why the data could not be read. */
  readonly error?: string | null;
  /**
   * Continues the run as a new branch with this data, after `seq`: the cursor when editing began
   * (the original run stays as it is). Without it the panel only shows the data.
   */
  readonly onForkWithData?: (data: Record<string, unknown>, seq: number) => void;
}

type Parsed =
  | { readonly ok: true; readonly data: Record<string, unknown> }
  | { readonly ok: false; readonly message: string };

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

/** Where in the text a JSON syntax error's `position N` is, for people who count lines. */
function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/** Reads edited instance data: JSON, and an object (the instance data always is one). */
export function parseInstanceData(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const where =
      position && !/line \d+/.test(message) ? ` (${lineAndColumn(text, Number(position[1]))})` : '';
    return { ok: false, message: `Not valid JSON: ${message}${where}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      ok: false,
      message: `The instance data must be a JSON object ({ … }), not ${kindOf(value)}`,
    };
  return { ok: true, data: value as Record<string, unknown> };
}

/**
 * The instance data at the cursor as a JSON tree, and "Edit data…": a JSON editor whose text is
 * checked as it is typed (a clear message names what is wrong; the text stays as typed), and
 * "Continue as new branch" to run on from here with the edited data. Ctrl+Enter continues,
 * Escape leaves the editor.
 */
export function DataPanel({ data, cursor, loading, error, onForkWithData }: DataPanelProps) {
  const [draft, setDraft] = useState<string | null>(null);
  /** The entry the edited data is from (the cursor may move on while it is edited). */
  const [editedAt, setEditedAt] = useState(cursor);
  const { theme } = useTheme();
  const parsed = useMemo(() => (draft === null ? null : parseInstanceData(draft)), [draft]);
  const extensions = useMemo(() => [json()], []);

  const fork = () => {
    if (!parsed?.ok || !onForkWithData) return;
    onForkWithData(parsed.data, editedAt);
    setDraft(null);
  };
  const onEditorKeys = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      fork();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDraft(null);
    }
  };

  let body;
  if (draft !== null) {
    body = (
      <div className="data-editor" onKeyDown={onEditorKeys}>
        <CodeMirror
          value={draft}
          onChange={setDraft}
          extensions={extensions}
          theme={theme}
          height="100%"
          autoFocus
          className="data-codemirror"
          aria-label="Instance data (JSON)"
          basicSetup={{ foldGutter: true, highlightActiveLine: true }}
        />
        <div className="data-editor-footer">
          {parsed && !parsed.ok ? (
            <p className="data-error" role="alert">
              {parsed.message}
            </p>
          ) : (
            <p className="data-hint">
              Valid JSON. The run goes on from entry #{cursor} as a new branch; this run stays as it
              is.
            </p>
          )}
          <div className="run-panel-actions">
            <button type="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              disabled={!parsed?.ok || !onForkWithData}
              onClick={fork}
              title="Ctrl+Enter"
            >
              Continue as new branch
            </button>
          </div>
        </div>
      </div>
    );
  } else if (error) {
    body = (
      <p className="run-panel-empty data-error" role="alert">
        The instance data at entry #{cursor} cannot be read: {error}
      </p>
    );
  } else if (data === undefined) {
    body = (
      <p className="run-panel-empty">{loading ? 'Reading the data…' : 'No data at this point.'}</p>
    );
  } else {
    body = (
      <div className={`data-tree${loading ? ' is-loading' : ''}`}>
        <JsonTree value={data} label="Instance data" />
      </div>
    );
  }

  return (
    <section className="run-panel data-panel" aria-label="Data">
      <div className="run-panel-toolbar">
        <span className="run-panel-title">
          {draft === null ? `Instance data at #${cursor}` : `Editing the data at #${editedAt}`}
        </span>
        {draft === null && onForkWithData && (
          <button
            type="button"
            disabled={data === undefined || Boolean(error)}
            onClick={() => {
              setEditedAt(cursor);
              setDraft(JSON.stringify(data ?? {}, null, 2));
            }}
          >
            Edit data…
          </button>
        )}
      </div>
      {body}
    </section>
  );
}
