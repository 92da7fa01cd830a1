import { FlaskConical } from 'lucide-react';
import { useCallback, useState } from 'react';
import { useWorkspace } from '../app/WorkspaceContext';
import { useEditorStore } from '../editor/EditorContext';
import { usePlatform } from '../platform/PlatformContext';
import { DropdownMenu } from '../ui/DropdownMenu';
import { CompareDialog } from './CompareDialog';
import { useLinkedView } from './LinkedViewContext';

/**
 * "Pattern lab ▾": derives the other style of the open document (a choreography map from a flow,
 * an orchestration flow from a map), opens it in a tab and shows what was approximated or left
 * out; "Compare with…" measures it against another flow or map; "Show … side by side" opens the
 * document it is linked to by a derive beside the canvas, both highlighted together.
 */
export function PatternLabMenu({ workflowId }: { workflowId: string }) {
  const { client } = usePlatform();
  const store = useEditorStore();
  const kind = useWorkspace((state) => state.workflows.find((w) => w.id === workflowId)?.kind);
  const refresh = useWorkspace((state) => state.refresh);
  const open = useWorkspace((state) => state.open);
  const showReport = useWorkspace((state) => state.showReport);
  const reportError = useWorkspace((state) => state.reportError);
  const [comparing, setComparing] = useState(false);
  const linked = useLinkedView();

  const derive = useCallback(async () => {
    try {
      await store.getState().flush();
      const { workflow, report } = await client['patterns.derive']({ id: workflowId });
      await refresh();
      open(workflow.id);
      showReport({
        fileName: workflow.name,
        title: `Derived “${workflow.name}”`,
        sourceColumn: kind === 'map' ? 'Map element' : 'Flow element',
        entries: report,
      });
    } catch (error) {
      reportError(error);
    }
  }, [client, store, workflowId, kind, refresh, open, showReport, reportError]);

  return (
    <>
      <DropdownMenu
        label="Pattern lab"
        icon={FlaskConical}
        title="Derive the other style of this document, or compare it with another"
      >
        {(close) => [
          <button
            key="derive"
            type="button"
            role="menuitem"
            onClick={() => {
              close();
              void derive();
            }}
          >
            {kind === 'map' ? 'Derive orchestration flow' : 'Derive choreography map'}
          </button>,
          <button
            key="compare"
            type="button"
            role="menuitem"
            onClick={() => {
              close();
              setComparing(true);
            }}
          >
            Compare with…
          </button>,
          linked.counterpart && (
            <button
              key="side-by-side"
              type="button"
              role="menuitem"
              onClick={() => {
                close();
                linked.show();
              }}
            >
              Show {linked.counterpart.workflow.name} side by side
            </button>
          ),
        ]}
      </DropdownMenu>
      {comparing && <CompareDialog workflowId={workflowId} onClose={() => setComparing(false)} />}
    </>
  );
}
