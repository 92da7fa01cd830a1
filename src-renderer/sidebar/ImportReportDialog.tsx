import { useWorkspace } from '../app/WorkspaceContext';
import './importReport.css';
import { ModalDialog } from '../ui/ModalDialog';

const ACTION_WORDS = {
  skipped: 'Not imported',
  approximated: 'Approximated',
  converted: 'Converted',
  renamed: 'Renamed',
  ignored: 'Ignored',
} as const;

/**
 * After a BPMN import, what the file held that Baton did not take over as it was: each element
 * skipped, approximated, converted or renamed, and each vendor extension ignored, so nothing is
 * lost without a word. Closing it keeps the imported flow open.
 */
export function ImportReportDialog() {
  const report = useWorkspace((state) => state.importReport);
  const dismiss = useWorkspace((state) => state.dismissImportReport);
  if (!report) return null;
  const { fileName, entries, title, sourceColumn } = report;
  // A derived document's report: a skipped element was left out, not "not imported".
  const words = title ? { ...ACTION_WORDS, skipped: 'Left out' } : ACTION_WORDS;
  return (
    <ModalDialog
      className="dialog import-report-dialog"
      aria-labelledby="import-report-title"
      onClose={dismiss}
    >
      <h2 id="import-report-title">{title ?? `Imported “${fileName}”`}</h2>
      <p className="dialog-body">
        {entries.length === 0
          ? 'Everything in the file was imported as it was.'
          : `${entries.length} ${entries.length === 1 ? 'item was' : 'items were'} not taken over as ${entries.length === 1 ? 'it was' : 'they were'}:`}
      </p>
      {entries.length > 0 && (
        <div className="import-report-list">
          <table aria-label={title ? 'Report' : 'Import report'}>
            <thead>
              <tr>
                <th scope="col">What happened</th>
                <th scope="col">{sourceColumn ?? 'BPMN element'}</th>
                <th scope="col">Type</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={index}>
                  <td>{words[entry.action]}</td>
                  <td className="import-report-id">{entry.elementId}</td>
                  <td>{entry.type}</td>
                  <td>{entry.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={dismiss}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
