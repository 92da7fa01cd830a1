import { useMemo, useState } from 'react';
import type { Severity } from '../../src-shared/validation/Diagnostic';
import { useEditor, useEditorStore } from '../editor/EditorContext';
import { useProblems } from './DiagnosticsContext';
import { bySeverity, describeCounts, SEVERITIES, severityLabel } from './describeCounts';
import { nameSubjects } from './nameSubjects';
import { ProblemRow } from './ProblemRow';
import { PanelToggle } from '../app/PanelToggle';
import { usePanelLayout } from '../app/panelLayout';

type Shown = Severity | 'all';

const nothingShown: Readonly<Record<Shown, string>> = {
  all: 'No problems',
  error: 'No errors',
  warning: 'No warnings',
  info: 'No notes',
};

/**
 * Every problem of the open document, errors first, with their counts; a problem clicked asks
 * the canvas to select and centre its element. Needs a `DiagnosticsProvider` and the editor.
 */
export function ProblemsPanel() {
  const diagnostics = useProblems((state) => state.diagnostics);
  const checked = useProblems((state) => state.checked);
  const failure = useProblems((state) => state.failure);
  const model = useEditor((state) => state.editor.doc.model);
  const editor = useEditorStore();
  const [shown, setShown] = useState<Shown>('all');
  const open = usePanelLayout().problems;

  const names = useMemo(() => nameSubjects(model), [model]);
  const sorted = useMemo(() => bySeverity(diagnostics), [diagnostics]);
  const visible = shown === 'all' ? sorted : sorted.filter((item) => item.severity === shown);
  const filters: Shown[] = [
    'all',
    ...SEVERITIES.filter((severity) => severity !== 'info' || shown === 'info' || hasInfo(sorted)),
  ];

  let body;
  if (failure) {
    body = <p className="problems-note">Problems cannot be checked: {failure}</p>;
  } else if (!checked) {
    body = <p className="problems-note">Checking…</p>;
  } else if (visible.length === 0) {
    body = <p className="problems-note">{nothingShown[shown]}</p>;
  } else {
    body = (
      <ul className="problems-list">
        {visible.map((diagnostic, index) => (
          <ProblemRow
            key={`${diagnostic.code}:${diagnostic.elementId ?? ''}:${index}`}
            diagnostic={diagnostic}
            subject={
              diagnostic.elementId === undefined
                ? undefined
                : (names.get(diagnostic.elementId) ?? diagnostic.elementId)
            }
            onShow={(id) => editor.getState().focus(id)}
          />
        ))}
      </ul>
    );
  }

  return (
    <section className="problems" aria-label="Problems">
      <header className="problems-header">
        <h2>
          Problems{' '}
          <span className="problems-counts">
            {checked && !failure ? describeCounts(diagnostics) : ''}
          </span>
        </h2>
        <div className="problems-filters" role="group" aria-label="Show">
          {filters.map((filter) => (
            <button
              key={filter}
              type="button"
              aria-pressed={shown === filter}
              onClick={() => setShown(filter)}
            >
              {filter === 'all' ? 'All' : `${severityLabel[filter]}s`}
            </button>
          ))}
        </div>
        <PanelToggle panel="problems" />
      </header>
      {open && body}
    </section>
  );
}

const hasInfo = (diagnostics: readonly { severity: Severity }[]) =>
  diagnostics.some((diagnostic) => diagnostic.severity === 'info');
