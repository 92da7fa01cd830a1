import { memo, useCallback, useDeferredValue, useState, type ReactNode } from 'react';
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
  const revision = useStore(session, (state) => state.revision);
  const seq = useStore(session, (state) => state.seq);
  // The canvas and the scrubber follow the cursor at once; the panels follow it in a render React
  // can interrupt, so a panel with much to redraw never holds up the next frame of a scrub.
  const cursor = useDeferredValue(seq);
  const instance = useStore(session, (state) => state.instance);
  const report = useStore(session, (state) => state.report);
  const live = useStore(session, (state) => isLive(state.summary));
  const viewed = useStore(session, (state) => state.view !== null);
  const onSeek = useCallback((to: number) => session.getState().seek(to), [session]);
  const onSelectElement = useCallback((id: string) => editor.getState().focus(id), [editor]);
  const onForkWithData = useCallback(
    (data: Record<string, unknown>, at: number) =>
      void session
        .getState()
        .fork(data, at)
        .then((forked) => forked && attachRun(workflowId, forked.runId)),
    [session, attachRun, workflowId],
  );
  if (!history || !viewed) return <p className="debug-note">Loading the run…</p>;
  return (
    <PanelAt
      tab={tab}
      props={{ history, cursor, onSeek, onSelectElement }}
      revision={revision}
      instance={instance}
      report={report}
      live={live}
      onForkWithData={onForkWithData}
    />
  );
}

/** The panel in front at one cursor: redrawn only when what it shows changes. */
const PanelAt = memo(
  function PanelAt({
    tab,
    props,
    instance,
    report,
    live,
    onForkWithData,
  }: {
    tab: Tab;
    props: RunPanelProps;
    revision: number;
    instance: ReturnType<RunSessionStore['getState']>['instance'];
    report: ReturnType<RunSessionStore['getState']>['report'];
    live: boolean;
    onForkWithData: (data: Record<string, unknown>, at: number) => void;
  }): ReactNode {
    const { history, cursor } = props;
    switch (tab) {
      case 'data':
        return (
          <DataPanel
            data={instance?.data}
            cursor={cursor}
            loading={instance?.seq !== cursor}
            onForkWithData={onForkWithData}
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
  },
  (before, after) =>
    before.tab === after.tab &&
    before.revision === after.revision &&
    before.instance === after.instance &&
    before.report === after.report &&
    before.live === after.live &&
    before.onForkWithData === after.onForkWithData &&
    before.props.history === after.props.history &&
    before.props.cursor === after.props.cursor &&
    before.props.onSeek === after.props.onSeek &&
    before.props.onSelectElement === after.props.onSelectElement,
);
