import { useState } from 'react';
import { useStore } from 'zustand';
import { useWorkspace } from '../app/WorkspaceContext';
import { useEditorStore } from '../editor/EditorContext';
import { isLive } from './describeRun';
import {
  BrokerPanel,
  DataPanel,
  JournalPanel,
  LedgersPanel,
  SequencePanel,
  TimelinePanel,
  VerdictPanel,
  type RunPanelProps,
} from './panels';
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

const FLOW_TABS: readonly Tab[] = ['data', 'journal', 'ledgers', 'timeline', 'verdict'];
const MAP_TABS: readonly Tab[] = [
  'data',
  'journal',
  'broker',
  'ledgers',
  'timeline',
  'sequence',
  'verdict',
];

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
  const tabs = kind === 'map' ? MAP_TABS : FLOW_TABS;
  const shown = tabs.includes(tab) ? tab : 'data';
  return (
    <section className="run-dock" aria-label="Run">
      <div className="run-dock-tabs" role="tablist" aria-label="Run panels">
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
        className="run-dock-body"
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
  // Entries appended to the history (a live run) redraw the panels.
  useStore(session, (state) => state.revision);
  const seq = useStore(session, (state) => state.seq);
  const instance = useStore(session, (state) => state.instance);
  const report = useStore(session, (state) => state.report);
  const live = useStore(session, (state) => isLive(state.summary));
  const viewed = useStore(session, (state) => state.view !== null);
  if (!history || !viewed) return <p className="debug-note">Loading the run…</p>;

  const props: RunPanelProps = {
    history,
    cursor: seq,
    onSeek: (to) => session.getState().seek(to),
    onSelectElement: (id) => editor.getState().focus(id),
  };
  switch (tab) {
    case 'data':
      return (
        <DataPanel
          data={instance?.data}
          cursor={seq}
          loading={instance?.seq !== seq}
          onForkWithData={(data, at) =>
            void session
              .getState()
              .fork(data, at)
              .then((forked) => forked && attachRun(workflowId, forked.runId))
          }
        />
      );
    case 'journal':
      return <JournalPanel {...props} />;
    case 'broker':
      return <BrokerPanel {...props} />;
    case 'ledgers':
      return <LedgersPanel {...props} />;
    case 'timeline':
      return <TimelinePanel {...props} />;
    case 'sequence':
      return <SequencePanel {...props} />;
    case 'verdict':
      return report === null && live ? (
        <p className="debug-note">The verdict is given when the run ends.</p>
      ) : (
        <VerdictPanel
          consistency={report?.consistency ?? null}
          onSeek={props.onSeek}
          onSelectElement={props.onSelectElement}
          nameOf={(id) => history.nameOf(id)}
        />
      );
  }
}
