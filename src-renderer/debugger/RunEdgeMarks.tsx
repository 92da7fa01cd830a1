import { EdgeLabelRenderer } from '@xyflow/react';
import type { RunViewAt } from '../../src-shared/runtime/runView';
import { useBreakpointAt, useDebugContext, useRunOverlay } from './DebugContext';

/** A connection's drawn path and the point its label sits at. */
export interface EdgeRoute {
  readonly path: string;
  readonly labelX: number;
  readonly labelY: number;
}

/** The most moving dots drawn on one connection (more events in flight show as a number). */
const MAX_DOTS = 3;

const inFlightCache = new WeakMap<RunViewAt, ReadonlyMap<string, number>>();

/**
 * How many of a map's events in flight travel each connection: an event published for a consumer
 * rides the connection that ends at the consumer and starts at the event's publisher or at the
 * event type's node.
 */
export function inFlightByConnection(
  view: RunViewAt,
  ends: ReadonlyMap<string, { source: string; target: string }>,
  eventNodes: ReadonlyMap<string, string>,
): ReadonlyMap<string, number> {
  const cached = inFlightCache.get(view);
  if (cached) return cached;
  const counts = new Map<string, number>();
  if (view.inFlight.length > 0) {
    for (const [id, end] of ends) {
      const riding = view.inFlight.filter(
        (event) =>
          event.to === end.target &&
          (event.from === end.source || eventNodes.get(end.source) === event.type),
      ).length;
      if (riding > 0) counts.set(id, riding);
    }
  }
  inFlightCache.set(view, counts);
  return counts;
}

/**
 * What the debugger draws on one connection: the path taken highlighted with how many times it
 * was taken, a breakpoint dot, and a map's events moving along it. Nothing while the document is
 * edited and has no breakpoint here.
 */
export function RunEdgeMarks({ id, route }: { id: string; route: () => EdgeRoute }) {
  const { session, breakpoints, connectionEnds, connectionNames, eventNodes } = useDebugContext();
  const name = connectionNames.get(id) ?? id;
  const taken = useRunOverlay((source) => source.view?.edges[id] ?? 0);
  const riding = useRunOverlay((source) =>
    source.view ? (inFlightByConnection(source.view, connectionEnds, eventNodes).get(id) ?? 0) : 0,
  );
  const breakpoint = useBreakpointAt('edge', id);
  if (!session && !breakpoint) return null;
  if (taken === 0 && riding === 0 && !breakpoint && !session) return null;
  const { path, labelX, labelY } = route();
  return (
    <>
      {taken > 0 && <path className="run-edge-taken" d={path} fill="none" />}
      {Array.from({ length: Math.min(riding, MAX_DOTS) }, (_, index) => (
        <circle key={index} className="run-event-dot" r={5}>
          <animateMotion
            dur="1.6s"
            repeatCount="indefinite"
            // A negative start puts each dot along the path at once (not at the origin first).
            begin={`-${(index * 1.6) / MAX_DOTS}s`}
            path={path}
          />
        </circle>
      ))}
      <EdgeLabelRenderer>
        <div
          className="run-edge-marks nodrag nopan"
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY + 14}px)` }}
        >
          {(breakpoint || session) && (
            <button
              type="button"
              className={`breakpoint-dot is-edge${breakpoint ? ' is-set' : ''}${breakpoint?.condition ? ' has-condition' : ''}`}
              aria-label={breakpoint ? `Remove breakpoint on ${name}` : `Set breakpoint on ${name}`}
              aria-pressed={breakpoint !== undefined}
              title={
                breakpoint
                  ? 'Breakpoint on this connection (F9 removes it)'
                  : 'Set a breakpoint (F9)'
              }
              onClick={(event) => {
                event.stopPropagation();
                breakpoints?.getState().toggle('edge', id);
              }}
            />
          )}
          {taken > 0 && (
            <span
              className="run-edge-count"
              aria-label={`taken ${taken} time${taken === 1 ? '' : 's'}`}
            >
              {taken}×
            </span>
          )}
          {riding > 0 && (
            <span
              className="run-edge-flight"
              aria-label={`${riding} event${riding === 1 ? '' : 's'} in flight`}
            >
              {riding} in flight
            </span>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
