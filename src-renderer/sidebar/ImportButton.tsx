import { useRef } from 'react';
import { useWorkspace } from '../app/WorkspaceContext';

/** "Import…": picks a Baton JSON file and opens it as a new flow or map. */
export function ImportButton() {
  const importFile = useWorkspace((state) => state.importFile);
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => picker.current?.click()}
        title="Import a flow or map from a Baton JSON file"
      >
        Import…
      </button>
      <input
        ref={picker}
        type="file"
        accept=".json,application/json"
        aria-label="Baton JSON file to import"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that picking the same file again imports it again.
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
    </>
  );
}
