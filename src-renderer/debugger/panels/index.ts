/**
 * The debugger's panels: props-only components the bottom "Run" panel hosts in tabs. Each is
 * given the run's history (src-shared/runtime/runView.ts), the cursor (a journal seq), and
 * callbacks to move the cursor and to select an element on the canvas.
 */
import './panels.css';

export { BrokerPanel } from './BrokerPanel';
export { DataPanel, parseInstanceData, type DataPanelProps } from './DataPanel';
export { JournalPanel } from './JournalPanel';
export { JsonTree } from './JsonTree';
export { LedgersPanel } from './LedgersPanel';
export { useViewAt, type RunPanelProps } from './runPanelProps';
export { formatMs, stateText, summarizeEntry } from './runText';
export { MESSAGES_SHOWN, SequencePanel } from './SequencePanel';
export { TimelinePanel } from './TimelinePanel';
export { VerdictPanel, type VerdictPanelProps } from './VerdictPanel';
