import { useRef } from 'react';
import { useWorkspace } from '../app/WorkspaceContext';
import { ImportReportDialog } from './ImportReportDialog';

/**
 * "Import…": picks a Baton JSON or BPMN 2.0 file and opens it as a new flow or map; after a BPMN
 * import the report of what was not taken over as it was is shown.
 */
export function ImportButton() {
  const importFile = useWorkspace((state) => state.importFile);
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => picker.current?.click()}
        title="Import a flow or map from a Baton JSON or BPMN 2.0 file"
      >
        Import…
      </button>
      <input
        ref={picker}
        type="file"
        accept=".json,application/json,.bpmn,.bpmn2"
        aria-label="Baton JSON or BPMN file to import"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that picking the same file again imports it again.
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <ImportReportDialog />
    </>
  );
}
