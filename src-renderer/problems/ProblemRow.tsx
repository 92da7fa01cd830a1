import { CircleAlert, Info, TriangleAlert } from 'lucide-react';
import { useId, useState } from 'react';
import type { Diagnostic, Severity } from '../../src-shared/validation/Diagnostic';
import { severityLabel } from './describeCounts';

const icons: Readonly<Record<Severity, typeof CircleAlert>> = {
  error: CircleAlert,
  warning: TriangleAlert,
  info: Info,
};

/**
 * One problem: a button that shows its element on the canvas (a problem of the whole document
 * only shows), with its help on hover and behind a "?" toggle.
 */
export function ProblemRow({
  diagnostic,
  subject,
  onShow,
}: {
  diagnostic: Diagnostic;
  /** The business name of the element it is about; absent for the whole document. */
  subject: string | undefined;
  onShow: (elementId: string) => void;
}) {
  const { code, severity, message, help, elementId } = diagnostic;
  const [helpOpen, setHelpOpen] = useState(false);
  const helpId = useId();
  const Icon = icons[severity];
  // Spaces between the parts keep the accessible name readable: "Error FLOW004 … on Cool down".
  const content = (
    <>
      <Icon className="problem-icon" size={14} aria-hidden="true" />
      <span className="visually-hidden">{severityLabel[severity]}</span>{' '}
      <span className="problem-code">{code}</span>{' '}
      <span className="problem-message">{message}</span>
      {subject !== undefined && (
        <>
          {' '}
          <span className="problem-subject">
            <span className="visually-hidden">on</span> {subject}
          </span>
        </>
      )}
    </>
  );
  return (
    <li className={`problem problem-${severity}`}>
      {elementId === undefined ? (
        <div className="problem-main" title={help}>
          {content}
        </div>
      ) : (
        <button
          type="button"
          className="problem-main"
          title={help}
          onClick={() => onShow(elementId)}
        >
          {content}
        </button>
      )}
      <button
        type="button"
        className="problem-help-toggle"
        aria-label={`Help on ${code}`}
        aria-expanded={helpOpen}
        aria-controls={helpId}
        onClick={() => setHelpOpen((open) => !open)}
      >
        ?
      </button>
      <p id={helpId} className="problem-help" hidden={!helpOpen}>
        {help}
      </p>
    </li>
  );
}
