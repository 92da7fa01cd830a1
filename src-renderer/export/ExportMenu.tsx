import { ImageDown } from 'lucide-react';
import { useCallback } from 'react';
import { DropdownMenu } from '../ui/DropdownMenu';
import { useWorkspace } from '../app/WorkspaceContext';
import { useEditorStore } from '../editor/EditorContext';
import { downloadPng, downloadSvg } from './exportDiagram';

/**
 * "Image ▾": a menu that downloads the open diagram as an SVG or PNG picture, named after the
 * workflow and drawn from the document as it is now (unsaved edits included).
 */
export function ExportMenu({ workflowId }: { workflowId: string }) {
  const store = useEditorStore();
  const name = useWorkspace(
    (state) => state.workflows.find((item) => item.id === workflowId)?.name,
  );
  const reportError = useWorkspace((state) => state.reportError);
  const exportAs = useCallback(
    async (format: 'svg' | 'png') => {
      const { doc } = store.getState().editor;
      const named = { ...doc, name: name ?? doc.name };
      try {
        if (format === 'svg') downloadSvg(named);
        else await downloadPng(named);
      } catch (error) {
        reportError(error);
      }
    },
    [store, name, reportError],
  );

  return (
    <DropdownMenu label="Image" icon={ImageDown} title="Download the diagram as a picture">
      {(close) => (
        <>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              close();
              void exportAs('svg');
            }}
          >
            Export SVG
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              close();
              void exportAs('png');
            }}
          >
            Export PNG
          </button>
        </>
      )}
    </DropdownMenu>
  );
}
