import type { WorkflowDocument } from '../../model/document';
import { indexMap, type MapIndex } from './mapIndex';

/** How many reactions one event type triggers. */
export interface EventFanOut {
  readonly eventId: string;
  readonly reactions: number;
}

/** What the instances started by one initial event can reach. */
export interface EventChain {
  readonly initialEventId: string;
  /** Event type nodes reached (the initial one first), in breadth-first order. */
  readonly eventIds: readonly string[];
  /** Service nodes that react along the way, in the order they are first reached. */
  readonly serviceIds: readonly string[];
}

/** Figures about a choreography map, as plain data for the canvas, the panels and the CLI. */
export interface MapFigures {
  /** Every event type node in document order, with the number of reactions to it. */
  readonly fanOut: readonly EventFanOut[];
  /** One chain per initial event, in document order. */
  readonly chains: readonly EventChain[];
  /**
   * The longest chain of reactions from an initial event, as ids in order: event, service,
   * event, service… (ending with a service when its reaction emits nothing). A step back to an
   * event already on the chain is left out (a cycle is CHOR301). Empty when the map has no
   * initial event. Ties go to the smaller initial event id, then service id, then event id.
   */
  readonly longestChain: readonly string[];
}

/**
 * Works out a map's figures: fan-out per event, the chain of each initial event and the longest
 * chain. Pure; never throws. The fan-out and the longest chain take time linear in the size of
 * the map; the chains take that time once per initial event.
 */
export function mapFigures(doc: WorkflowDocument): MapFigures {
  const map = indexMap(doc);
  const id = (at: number) => map.elements[at]?.id ?? '';
  const fanOut = map.events.map((at) => ({
    eventId: id(at),
    reactions: map.reactionsOn[at]?.length ?? 0,
  }));
  const initial = map.events.filter((at) => {
    const element = map.elements[at];
    return element?.type === 'eventType' && element.initial === true;
  });
  const chains = initial.map((at) => chainFrom(map, at));
  return { fanOut, chains, longestChain: longestChain(map, initial) };
}

function chainFrom(map: MapIndex, initial: number): EventChain {
  const id = (at: number) => map.elements[at]?.id ?? '';
  const seenEvents = new Set<number>([initial]);
  const seenServices = new Set<number>();
  const queue = [initial];
  for (let head = 0; head < queue.length; head += 1) {
    for (const reaction of map.reactionsOn[queue[head] ?? -1] ?? []) {
      const edge = map.reactions[reaction];
      if (!edge) continue;
      seenServices.add(edge.service);
      for (const emitted of edge.emits) {
        if (seenEvents.has(emitted)) continue;
        seenEvents.add(emitted);
        queue.push(emitted);
      }
    }
  }
  return {
    initialEventId: id(initial),
    eventIds: queue.map(id),
    serviceIds: [...seenServices].map(id),
  };
}

/** One way on from an event: through a reaction of `service`, to `next` (-1: it emits nothing). */
interface Step {
  readonly service: number;
  readonly next: number;
}

/** The best way on from one event: how many ids follow it, and its first step. */
interface Best extends Step {
  readonly length: number;
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function longestChain(map: MapIndex, initial: readonly number[]): string[] {
  const id = (at: number) => map.elements[at]?.id ?? '';
  const roots = [...initial].sort((a, b) => compareIds(id(a), id(b)));
  const best = bestContinuations(map, roots);
  let start = -1;
  for (const at of roots) {
    if (start < 0 || (best[at]?.length ?? 0) > (best[start]?.length ?? 0)) start = at;
  }
  const chain: string[] = [];
  for (let at = start; at >= 0;) {
    chain.push(id(at));
    const step = best[at];
    if (!step) break;
    chain.push(id(step.service));
    at = step.next;
  }
  return chain;
}

/** The ways on from an event, by service id then emitted event id (emitting nothing first). */
function stepsFrom(map: MapIndex, event: number): Step[] {
  const id = (at: number) => (at < 0 ? '' : (map.elements[at]?.id ?? ''));
  const steps: Step[] = [];
  for (const reaction of map.reactionsOn[event] ?? []) {
    const edge = map.reactions[reaction];
    if (!edge) continue;
    steps.push({ service: edge.service, next: -1 });
    for (const next of edge.emits) steps.push({ service: edge.service, next });
  }
  return steps.sort(
    (a, b) => compareIds(id(a.service), id(b.service)) || compareIds(id(a.next), id(b.next)),
  );
}

const NEW = 0;
const ON_PATH = 1;
const DONE = 2;

/**
 * For every event reached from `roots`, the longest way on: an iterative depth-first walk that
 * works out each event once all the events after it are done. A step back to an event still on
 * the walk's path would close a cycle and is left out. Steps are tried by id and the first of
 * the longest wins, so the answer does not depend on the order of the document.
 */
function bestContinuations(map: MapIndex, roots: readonly number[]): (Best | undefined)[] {
  const state = new Uint8Array(map.elements.length);
  const best = new Array<Best | undefined>(map.elements.length);
  const path: { event: number; steps: Step[]; tried: number }[] = [];
  const enter = (event: number) => {
    state[event] = ON_PATH;
    path.push({ event, steps: stepsFrom(map, event), tried: 0 });
  };
  for (const root of roots) {
    if (state[root] !== NEW) continue;
    enter(root);
    for (let top = path.at(-1); top; top = path.at(-1)) {
      const step = top.steps[top.tried];
      top.tried += 1;
      if (step) {
        if (step.next >= 0 && state[step.next] === NEW) enter(step.next);
        continue;
      }
      path.pop();
      for (const { service, next } of top.steps) {
        if (next >= 0 && state[next] !== DONE) continue;
        const length = next < 0 ? 1 : 2 + (best[next]?.length ?? 0);
        if (length > (best[top.event]?.length ?? 0)) best[top.event] = { length, service, next };
      }
      state[top.event] = DONE;
    }
  }
  return best;
}
