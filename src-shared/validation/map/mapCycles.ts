import type { Diagnostic } from '../Diagnostic';
import { stronglyConnectedComponents } from '../rules/components';
import type { MapIndex } from './mapIndex';
import { createMapDiagnostic, nodeLabel } from './mapDiagnostics';

/** One step of the event graph: a reaction of `service` to `from` that emits `to`. */
interface Step {
  readonly from: number;
  readonly service: number;
  readonly to: number;
}

/** The loops of the event graph: its strongly connected components that hold a cycle. */
export function eventLoops(map: MapIndex): number[][] {
  const next = (event: number) => map.next[event] ?? [];
  return stronglyConnectedComponents(map.elements.length, map.events, next).filter(
    (component) => component.length > 1 || next(component[0] ?? -1).includes(component[0] ?? -1),
  );
}

/**
 * Reports each choreography cycle (CHOR301): events that, through the reactions to them, lead
 * back to themselves (A's event triggers B, B's triggers C, C's triggers A again). Each loop is
 * reported once, on the service with the smallest id in it, with one cycle spelled in order
 * (`Billing → InvoiceIssued → Ledger → LedgerUpdated → Billing`): that service's first step in
 * the loop (by the ids of the event it emits, then of the event it reacts to) and the shortest
 * way back. A loop that takes in more events than that cycle says how many more.
 */
export function checkCycles(map: MapIndex): Diagnostic[] {
  const inLoop = new Uint8Array(map.elements.length);
  const diagnostics: Diagnostic[] = [];
  for (const loop of eventLoops(map)) {
    for (const event of loop) inLoop[event] = 1;
    const steps = stepsWithin(map, loop, inLoop);
    for (const event of loop) inLoop[event] = 0;
    const cycle = shortestCycle(steps);
    const start = map.elements[cycle[0]?.service ?? -1];
    if (!start) continue;
    const chain = spell(map, cycle);
    const others = loop.length - cycle.length;
    const more =
      others > 0 ? `; ${others} more event${others === 1 ? ' loops' : 's loop'} with it` : '';
    diagnostics.push(
      createMapDiagnostic('CHOR301', start, `is in a choreography cycle: ${chain}${more}`),
    );
  }
  return diagnostics;
}

const idOf = (map: MapIndex) => (at: number) => map.elements[at]?.id ?? '';

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The steps between events of one loop, by service id then emitted event id. */
function stepsWithin(map: MapIndex, loop: readonly number[], inLoop: Uint8Array): Step[] {
  const steps: Step[] = [];
  for (const from of loop) {
    for (const reaction of map.reactionsOn[from] ?? []) {
      const edge = map.reactions[reaction];
      if (!edge) continue;
      for (const to of edge.emits) {
        if (inLoop[to]) steps.push({ from, service: edge.service, to });
      }
    }
  }
  const id = idOf(map);
  return steps.sort(
    (a, b) =>
      compareIds(id(a.service), id(b.service)) ||
      compareIds(id(a.to), id(b.to)) ||
      compareIds(id(a.from), id(b.from)),
  );
}

/**
 * The shortest cycle through the first step (the smallest service id): a breadth-first walk
 * from the event it emits back to the event it reacts to, steps tried in sorted order.
 */
function shortestCycle(steps: readonly Step[]): Step[] {
  const [first] = steps;
  if (!first) return [];
  const leaving = new Map<number, Step[]>();
  for (const step of steps) {
    const list = leaving.get(step.from);
    if (list) list.push(step);
    else leaving.set(step.from, [step]);
  }
  const cameBy = new Map<number, Step | null>([[first.to, null]]);
  const queue = [first.to];
  for (let at = 0; at < queue.length && !cameBy.has(first.from); at += 1) {
    for (const step of leaving.get(queue[at] ?? -1) ?? []) {
      if (cameBy.has(step.to)) continue;
      cameBy.set(step.to, step);
      queue.push(step.to);
    }
  }
  const back: Step[] = [];
  for (let step = cameBy.get(first.from); step; step = cameBy.get(step.from)) back.push(step);
  return [first, ...back.reverse()];
}

/** `Service → Event → Service → … → Service`, starting and ending with the first step's service. */
function spell(map: MapIndex, cycle: readonly Step[]): string {
  const label = (at: number) => {
    const element = map.elements[at];
    return element ? nodeLabel(element) : '?';
  };
  const parts = cycle.flatMap((step) => [label(step.service), label(step.to)]);
  return [...parts, label(cycle[0]?.service ?? -1)].join(' → ');
}
