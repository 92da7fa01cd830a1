import type { ElementRunState } from '../../src-shared/runtime/runView';

/** How each element state is named to a person (the legend, labels and titles say the same). */
export const RUN_STATE_LABELS: Readonly<Record<ElementRunState, string>> = {
  active: 'Active',
  completed: 'Completed',
  failed: 'Failed',
  retrying: 'Retrying',
  waiting: 'Waiting',
  compensating: 'Compensating',
  compensated: 'Compensated',
};

export const RUN_STATES = Object.keys(RUN_STATE_LABELS) as ElementRunState[];
