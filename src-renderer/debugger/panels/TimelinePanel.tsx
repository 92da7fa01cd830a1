import { AxisTop } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TimelineBar } from '../../../src-shared/runtime/runView';
import type { RunPanelProps } from './runPanelProps';
import { useViewAt } from './runPanelProps';
import { formatMs } from './runText';
import { useWidth } from './useWidth';

const LABEL_WIDTH = 150;
const ROW_HEIGHT = 28;
const BAR_HEIGHT = 18;
const AXIS_HEIGHT = 26;
const MIN_BAR = 3;
const MAX_ZOOM = 4096;

/** A bar as drawn at the cursor: cut at the cursor while it goes on, greyed when it lies after. */
interface Drawn {
  readonly bar: TimelineBar;
  readonly x: number;
  readonly width: number;
  readonly state: 'done' | 'open' | 'future';
}

function describe(bar: TimelineBar, state: Drawn['state']): string {
  const what =
    bar.kind === 'call'
      ? `${bar.label}, attempt ${bar.attempt}`
      : bar.kind === 'delivery'
        ? `Delivery of ${bar.label}`
        : bar.label;
  const outcome =
    state === 'done' ? (bar.outcome ?? 'going on') : state === 'open' ? 'going on' : 'later';
  const end = bar.endMs === null || state === 'open' ? '' : ` to ${formatMs(bar.endMs)}`;
  return `${what}: ${outcome}, ${formatMs(bar.startMs)}${end}`;
}

/**
 * The run's steps over time, one row per service (calls, compensations, deliveries) or per
 * element (timers and waits): retries, compensations, back-offs and outcomes styled apart, a line
 * at the cursor, bars after it greyed. A bar clicked (or Enter on it) moves the cursor to where it
 * started. Zoom (+, − and 0 for the whole run, with focus in the panel) keeps the cursor in view; bars thinner than a pixel next to one another are drawn
 * as one, so a 100,000-entry run stays light.
 */
export function TimelinePanel({ history, cursor, onSeek, onSelectElement }: RunPanelProps) {
  const view = useViewAt(history, cursor);
  const lastSeq = history.lastSeq;
  const bars = useMemo(
    () => history.timeline(),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the history grows in place
    [history, lastSeq],
  );
  const endMs = useMemo(() => history.at(lastSeq).atMs, [history, lastSeq]);
  const rows = useMemo(() => {
    const order: string[] = [];
    const seen = new Set<string>();
    const elementOfRow = new Map<string, string | null>();
    for (const bar of bars) {
      if (!seen.has(bar.row)) {
        seen.add(bar.row);
        order.push(bar.row);
        elementOfRow.set(
          bar.row,
          bar.kind === 'timer' || bar.kind === 'wait' ? bar.elementId : null,
        );
      }
    }
    return { order, elementOfRow };
  }, [bars]);

  const [zoom, setZoom] = useState(1);
  const clipId = `timeline-clip-${useId().replace(/[^\w-]/g, '')}`;
  const container = useRef<HTMLDivElement>(null);
  const width = useWidth(container, 900);
  const chartWidth = Math.max(200, width - LABEL_WIDTH - 16);
  const total = Math.max(1, endMs);
  const span = total / zoom;
  const start = Math.min(Math.max(0, view.atMs - span / 2), Math.max(0, total - span));
  const x = useMemo(
    () => scaleLinear<number>({ domain: [start, start + span], range: [0, chartWidth] }),
    [start, span, chartWidth],
  );

  const { drawn, merged } = useMemo(() => {
    const shown: Drawn[] = [];
    const lastEnd = new Map<string, { x1: number; key: string }>();
    let joined = 0;
    for (const bar of bars) {
      const state: Drawn['state'] =
        bar.startSeq > cursor
          ? 'future'
          : bar.endSeq === null || bar.endSeq > cursor
            ? 'open'
            : 'done';
      const to = state === 'open' ? view.atMs : (bar.endMs ?? view.atMs);
      if (to < start || bar.startMs > start + span) continue;
      const x0 = x(bar.startMs);
      const x1 = Math.max(x0 + MIN_BAR, x(to));
      const key = `${bar.kind}:${state}:${bar.outcome ?? ''}:${bar.attempt > 1}`;
      const previous = lastEnd.get(bar.row);
      if (previous && previous.key === key && x0 < previous.x1 + 1 && bar.outcome !== 'failed') {
        joined += 1;
        continue;
      }
      lastEnd.set(bar.row, { x1, key });
      shown.push({ bar, x: x0, width: x1 - x0, state });
    }
    return { drawn: shown, merged: joined };
  }, [bars, cursor, view.atMs, start, span, x]);

  const rowIndex = new Map(rows.order.map((row, index) => [row, index]));
  const height = AXIS_HEIGHT + rows.order.length * ROW_HEIGHT + 4;
  const cursorX = x(view.atMs);
  const onBarKey = (event: KeyboardEvent<SVGGElement>, bar: TimelineBar) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSeek(bar.startSeq);
    }
  };
  const zoomBy = (factor: number) =>
    setZoom((current) => Math.min(MAX_ZOOM, Math.max(1, current * factor)));

  return (
    <section
      className="run-panel timeline-panel"
      aria-label="Timeline"
      aria-keyshortcuts="+ - 0"
      onKeyDown={(event) => {
        if (event.target instanceof HTMLInputElement) return;
        if (event.key === '+' || event.key === '=') zoomBy(2);
        else if (event.key === '-') zoomBy(1 / 2);
        else if (event.key === '0') setZoom(1);
        else return;
        event.preventDefault();
      }}
    >
      <div className="run-panel-toolbar">
        <span className="run-panel-title">
          {formatMs(start)} – {formatMs(start + span)}
        </span>
        <span className="timeline-legend" aria-hidden="true">
          <span className="legend-swatch outcome-ok" /> ok
          <span className="legend-swatch outcome-failed" /> failed
          <span className="legend-swatch is-retry" /> retry
          <span className="legend-swatch kind-compensation" /> compensation
          <span className="legend-swatch kind-timer" /> timer
          <span className="legend-swatch kind-wait" /> wait
        </span>
        <div className="run-panel-actions" role="group" aria-label="Zoom">
          <button
            type="button"
            aria-label="Zoom out"
            disabled={zoom <= 1}
            onClick={() => zoomBy(1 / 2)}
          >
            −
          </button>
          <button
            type="button"
            aria-label="Fit the whole run"
            disabled={zoom === 1}
            onClick={() => setZoom(1)}
          >
            Fit
          </button>
          <button
            type="button"
            aria-label="Zoom in"
            disabled={zoom >= MAX_ZOOM}
            onClick={() => zoomBy(2)}
          >
            +
          </button>
        </div>
      </div>
      <div className="timeline-scroll" ref={container}>
        {rows.order.length === 0 ? (
          <p className="run-panel-empty">No steps yet.</p>
        ) : (
          <svg
            className="timeline-chart"
            width={LABEL_WIDTH + chartWidth + 8}
            height={height}
            role="group"
            aria-label={`Steps over time${merged > 0 ? ` (${merged} short steps drawn together)` : ''}`}
          >
            {rows.order.map((row, index) => {
              const element = rows.elementOfRow.get(row) ?? null;
              const y = AXIS_HEIGHT + index * ROW_HEIGHT;
              return (
                <g key={row} className="timeline-row">
                  <rect
                    className={`timeline-row-band${index % 2 ? ' is-odd' : ''}`}
                    x={0}
                    y={y}
                    width={LABEL_WIDTH + chartWidth + 8}
                    height={ROW_HEIGHT}
                  />
                  <text
                    className={`timeline-row-label${element ? ' is-link' : ''}`}
                    x={8}
                    y={y + ROW_HEIGHT / 2}
                    dominantBaseline="central"
                    {...(element
                      ? {
                          role: 'button',
                          tabIndex: 0,
                          'aria-label': `Show ${row} on the canvas`,
                          onClick: () => onSelectElement(element),
                          onKeyDown: (event: KeyboardEvent<SVGTextElement>) => {
                            if (event.key === 'Enter' || event.key === ' ') {
                              event.preventDefault();
                              onSelectElement(element);
                            }
                          },
                        }
                      : {})}
                  >
                    {row.length > 20 ? `${row.slice(0, 19)}…` : row}
                    <title>{row}</title>
                  </text>
                </g>
              );
            })}
            <Group left={LABEL_WIDTH} top={0}>
              <AxisTop
                top={AXIS_HEIGHT - 2}
                scale={x}
                numTicks={Math.max(2, Math.floor(chartWidth / 110))}
                tickFormat={(value) => formatMs(Number(value))}
                axisClassName="timeline-axis"
                hideAxisLine
              />
              <clipPath id={clipId}>
                <rect x={0} y={0} width={chartWidth} height={height} />
              </clipPath>
              <g clipPath={`url(#${clipId})`}>
                {drawn.map(({ bar, x: barX, width: barWidth, state }) => {
                  const y = AXIS_HEIGHT + (rowIndex.get(bar.row) ?? 0) * ROW_HEIGHT;
                  const back = bar.kind === 'timer' && bar.label.startsWith('Back-off');
                  // A delivery frames the calls its reaction makes, drawn over it.
                  const barHeight = back
                    ? 6
                    : bar.kind === 'delivery'
                      ? ROW_HEIGHT - 4
                      : BAR_HEIGHT;
                  const label = describe(bar, state);
                  return (
                    <g
                      key={`${bar.startSeq}:${bar.kind}`}
                      role="button"
                      tabIndex={0}
                      aria-label={label}
                      className={`timeline-bar kind-${bar.kind} outcome-${state === 'done' ? (bar.outcome ?? 'open') : state}${bar.attempt > 1 ? ' is-retry' : ''}${back ? ' is-backoff' : ''}${bar.startSeq <= cursor && (bar.endSeq ?? Infinity) >= cursor ? ' is-current' : ''}`}
                      onClick={() => onSeek(bar.startSeq)}
                      onKeyDown={(event) => onBarKey(event, bar)}
                    >
                      <title>{label}</title>
                      <rect
                        x={barX}
                        y={y + (ROW_HEIGHT - barHeight) / 2}
                        width={barWidth}
                        height={barHeight}
                        rx={3}
                      />
                      {barWidth > 46 && !back && (
                        <text x={barX + 5} y={y + ROW_HEIGHT / 2} dominantBaseline="central">
                          {bar.kind === 'call' && bar.attempt > 1 ? `#${bar.attempt} ` : ''}
                          {bar.kind === 'delivery' ? bar.label : (bar.outcome ?? '…')}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
              {cursorX >= 0 && cursorX <= chartWidth && (
                <g className="timeline-cursor" aria-hidden="true">
                  <line x1={cursorX} x2={cursorX} y1={AXIS_HEIGHT - 6} y2={height} />
                  <path d={`M${cursorX - 5},${AXIS_HEIGHT - 10} h10 l-5,6 z`} />
                </g>
              )}
            </Group>
          </svg>
        )}
      </div>
    </section>
  );
}
