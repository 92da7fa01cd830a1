import type { TransitionJson } from '../machineTypes';
import { TRACKER_STATES, type TerminalStatus, type TrackerMachineJson } from './mapTypes';

const STATUSES: readonly TerminalStatus[] = ['completed', 'compensated', 'failed'];

/**
 * The machine that follows one instance of a map: each published event is recorded as a
 * milestone, in order; a terminal event ends it in the final state of its status. The runtime
 * sends it only the events of its own instance (same correlation id).
 */
export function compileTracker(
  terminalEvents: Readonly<Record<string, TerminalStatus>>,
): TrackerMachineJson {
  const record = [{ type: 'recordMilestone' }];
  const published: TransitionJson[] = [];
  for (const status of STATUSES) {
    const eventTypes = Object.keys(terminalEvents).filter((id) => terminalEvents[id] === status);
    if (eventTypes.length === 0) continue;
    published.push({
      guard: { type: 'publishedOneOf', params: { eventTypes } },
      target: TRACKER_STATES[status],
      actions: record,
    });
  }
  published.push({ actions: record });
  return {
    id: 'tracker',
    initial: TRACKER_STATES.running,
    context: { milestones: [] },
    states: {
      [TRACKER_STATES.running]: { on: { 'event.published': published } },
      [TRACKER_STATES.completed]: { type: 'final' },
      [TRACKER_STATES.compensated]: { type: 'final' },
      [TRACKER_STATES.failed]: { type: 'final' },
    },
  };
}
