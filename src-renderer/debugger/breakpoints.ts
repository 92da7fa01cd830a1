import { Breakpoints, type Breakpoint } from '../../src-shared/runtime/debug';

const keyOf = (workflowId: string) => `baton.breakpoints.${workflowId}`;

/**
 * The breakpoints a person set on a flow or map, kept on this machine per document: every debug
 * run of the document starts with them. A stored list that no longer reads as breakpoints is
 * dropped rather than trusted.
 */
export function loadBreakpoints(
  workflowId: string,
  memory: Pick<Storage, 'getItem'> = window.localStorage,
): Breakpoint[] {
  try {
    const parsed = Breakpoints.safeParse(JSON.parse(memory.getItem(keyOf(workflowId)) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function saveBreakpoints(
  workflowId: string,
  breakpoints: readonly Breakpoint[],
  memory: Pick<Storage, 'setItem' | 'removeItem'> = window.localStorage,
): void {
  if (breakpoints.length === 0) memory.removeItem(keyOf(workflowId));
  else memory.setItem(keyOf(workflowId), JSON.stringify(breakpoints));
}
