import type { WorkflowDocument } from '../../src-shared/model/document';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** With nothing selected: which document this is, and how to edit its parts. */
export function NothingSelected({
  doc,
  name,
}: {
  doc: WorkflowDocument;
  name: string | undefined;
}) {
  const kind = doc.kind === 'flow' ? 'Orchestration flow' : 'Choreography map';
  return (
    <div className="prop-form">
      <h2 className="prop-title">{name ?? doc.name ?? 'Untitled'}</h2>
      <p className="prop-kind">
        {kind} · {plural(doc.model.elements.length, 'element')},{' '}
        {plural(doc.model.connections.length, 'connection')}
      </p>
      <p className="prop-hint">Select an element to edit its properties.</p>
    </div>
  );
}
