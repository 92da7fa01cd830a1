import type { RunSummary } from '../../src-shared/runtime/runReport';

const statusText: Readonly<Record<RunSummary['status'], string>> = {
  running: 'Running',
  paused: 'Paused',
  waiting: 'Waiting',
  completed: 'Completed',
  failed: 'Failed',
  compensated: 'Compensated',
  'needs-attention': 'Needs attention: a compensation failed',
  cancelled: 'Stopped',
};

/**
 * Where a run is, as the debugger's toolbar says it: "Paused at breakpoint on Charge payment",
 * "Waiting for Manager approval", "Compensated". `nameOf` turns element ids into their names.
 */
export function describeRun(summary: RunSummary, nameOf: (id: string) => string): string {
  const { stop, status } = summary;
  if (status === 'paused' && stop) {
    const at = stop.elementId ? nameOf(stop.elementId) : undefined;
    switch (stop.reason) {
      case 'breakpoint': {
        const breakpoint = stop.breakpoint?.breakpoint;
        if (breakpoint?.kind === 'event' || (!at && stop.eventType))
          return `Paused at breakpoint on event ${stop.eventType ?? breakpoint?.target ?? ''}`.trim();
        if (breakpoint?.kind === 'edge')
          return `Paused at breakpoint on the connection to ${at ?? nameOf(breakpoint.target)}`;
        const said = `Paused at breakpoint on ${at ?? nameOf(breakpoint?.target ?? '')}`;
        return stop.message ? `${said} (${stop.message})` : said;
      }
      case 'start':
        return 'Paused before the first step';
      case 'step':
        return at ? `Paused after a step, at ${at}` : 'Paused after a step';
      case 'run-to':
        return at ? `Paused at ${at} (run to here)` : 'Paused (run to here)';
      case 'pause':
        return at ? `Paused at ${at}` : 'Paused';
    }
  }
  if (status === 'waiting' && summary.active.length > 0)
    return `Waiting for ${summary.active.map(nameOf).join(', ')}`;
  if (status === 'running' && summary.active.length > 0)
    return `Running: ${summary.active.map(nameOf).join(', ')}`;
  return statusText[status];
}

/** A run still taking steps or able to (paused, or waiting on a person or an event). */
export const isLive = (summary: RunSummary | null): boolean =>
  summary !== null && ['running', 'paused', 'waiting'].includes(summary.status);
