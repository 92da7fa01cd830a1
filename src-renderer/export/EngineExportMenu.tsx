import { FileCode2 } from 'lucide-react';
import { useCallback, useState } from 'react';
import { DropdownMenu } from '../ui/DropdownMenu';
import type { EngineExport, EngineFormat } from '../../src-shared/contract/contract';
import { useWorkspace } from '../app/WorkspaceContext';
import { useEditorStore } from '../editor/EditorContext';
import { usePlatform } from '../platform/PlatformContext';
import { downloadText } from '../ui/downloadText';
import './engineExport.css';

const FORMATS: readonly { format: EngineFormat; label: string; flowsOnly?: boolean }[] = [
  { format: 'bpmn', label: 'BPMN 2.0 XML' },
  { format: 'xstate', label: 'XState machine (JSON)' },
  { format: 'xstate-ts', label: 'XState module (TypeScript)' },
  { format: 'asl', label: 'AWS Step Functions (ASL)', flowsOnly: true },
  { format: 'asyncapi', label: 'AsyncAPI 3.0' },
];

/**
 * "Formats ▾": downloads the open document for other modelers and for the engines teams deploy
 * to (BPMN 2.0, XState, AWS Step Functions, AsyncAPI). The main side exports and validates the saved draft; what the format
 * could not express as drawn is shown after the download, never dropped silently.
 */
export function EngineExportMenu({ workflowId }: { workflowId: string }) {
  const { client } = usePlatform();
  const store = useEditorStore();
  const kind = useWorkspace((state) => state.workflows.find((w) => w.id === workflowId)?.kind);
  const reportError = useWorkspace((state) => state.reportError);
  const [report, setReport] = useState<{ label: string; items: EngineExport['report'] } | null>(
    null,
  );

  const exportAs = useCallback(
    async (format: EngineFormat, label: string) => {
      setReport(null);
      try {
        await store.getState().flush();
        const exported = await client['workflows.exportFor']({ id: workflowId, format });
        downloadText(exported.fileName, exported.text, exported.mimeType);
        if (exported.report.length > 0) setReport({ label, items: exported.report });
      } catch (error) {
        reportError(error);
      }
    },
    [client, store, workflowId, reportError],
  );

  const shownReport = report && (
    <section className="menu-list export-report" aria-label="Export report">
      <strong>{report.label}: what the format could not express as drawn</strong>
      <ul>
        {report.items.map((item, index) => (
          <li key={index}>
            <span className={`export-report-${item.severity}`}>{item.severity}</span>{' '}
            {item.elementId ? <code>{item.elementId}</code> : null} {item.message}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setReport(null)}>
        Close
      </button>
    </section>
  );

  return (
    <DropdownMenu
      label="Formats"
      icon={FileCode2}
      title="Download as BPMN 2.0, or for an engine: XState, AWS Step Functions, AsyncAPI"
      className="engine-menu"
      after={shownReport}
    >
      {(close) =>
        FORMATS.map(({ format, label, flowsOnly }) => {
          const unavailable = flowsOnly === true && kind === 'map';
          return (
            <button
              key={format}
              type="button"
              role="menuitem"
              aria-disabled={unavailable || undefined}
              title={unavailable ? 'Only orchestration flows run on Step Functions' : undefined}
              onClick={() => {
                if (unavailable) return;
                close();
                void exportAs(format, label);
              }}
            >
              {label}
            </button>
          );
        })
      }
    </DropdownMenu>
  );
}
