import { RUN_STATE_LABELS, RUN_STATES } from './runStates';

/** What the overlay's marks mean, in a corner of the canvas. */
export function RunLegend({ kind }: { kind: 'flow' | 'map' }) {
  return (
    <details
      className="run-legend"
      open
      // Large diagrams zoomed far out are painted in one picture, without the overlay.
      title="Zoomed far out on a large diagram, the overlay is not drawn"
    >
      <summary>Legend</summary>
      <ul aria-label="Legend">
        {RUN_STATES.map((state) => (
          <li key={state}>
            <span className={`run-legend-swatch run-${state}`} aria-hidden="true" />
            {RUN_STATE_LABELS[state]}
          </li>
        ))}
        <li>
          <span className="run-legend-swatch is-stopped" aria-hidden="true" />
          Stopped here
        </li>
        <li>
          <span className="run-legend-dot" aria-hidden="true" />
          Breakpoint
        </li>
        <li>
          <span className="run-legend-path" aria-hidden="true" />
          Path taken (× times)
        </li>
        {kind === 'map' && (
          <>
            <li>
              <span className="run-legend-event" aria-hidden="true" />
              Event in flight
            </li>
            <li>
              <span className="run-legend-queue" aria-hidden="true">
                3
              </span>
              Queued for a consumer
            </li>
          </>
        )}
      </ul>
    </details>
  );
}
