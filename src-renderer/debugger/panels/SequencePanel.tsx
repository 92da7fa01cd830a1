import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { SequenceMessage } from '../../../src-shared/runtime/runView';
import type { RunPanelProps } from './runPanelProps';
import { formatMs } from './runText';
import { useWidth } from './useWidth';

const HEADER = 40;
const ROW = 30;
const MIN_COLUMN = 130;
/** Room on the left for each message's time. */
const GUTTER = 76;
/** The most recent messages drawn (a long run's diagram stays light; the journal has them all). */
export const MESSAGES_SHOWN = 400;

const kindText: Readonly<Record<SequenceMessage['kind'], string>> = {
  publish: 'published',
  delivery: 'delivered',
  duplicate: 'delivered again (duplicate)',
  redelivery: 'redelivered',
  'dead-letter': 'dead-lettered',
};

/** The participant a message is drawn from and to (a publish stays on its publisher). */
const ends = (message: SequenceMessage) =>
  message.kind === 'publish'
    ? { from: message.from, to: message.from }
    : { from: message.from, to: message.to ?? message.from };

/**
 * A map's events between services as a sequence diagram up to the cursor: a lifeline per service
 * (and `outside`), a mark where an event is published, an arrow for each delivery; duplicates
 * dashed, redeliveries dotted, dead letters ending in a cross. A message clicked (or Enter on it)
 * moves the cursor there; a service's name selects it on the canvas.
 */
export function SequencePanel({ history, cursor, onSeek, onSelectElement }: RunPanelProps) {
  const lastSeq = history.lastSeq;
  const messages = useMemo(
    () => history.sequence(),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the history grows in place
    [history, lastSeq],
  );
  const shown = useMemo(() => {
    let end = messages.length;
    while (end > 0 && messages[end - 1]!.seq > cursor) end -= 1;
    return {
      list: messages.slice(Math.max(0, end - MESSAGES_SHOWN), end),
      before: Math.max(0, end - MESSAGES_SHOWN),
    };
  }, [messages, cursor]);

  const participants = useMemo(() => {
    const list: string[] = [];
    const add = (id: string) => {
      if (!list.includes(id)) list.push(id);
    };
    if (messages.some((message) => message.from === 'outside')) add('outside');
    for (const element of history.document.model.elements)
      if (element.type === 'service') add(element.id);
    for (const message of messages) {
      const { from, to } = ends(message);
      add(from);
      add(to);
    }
    return list;
  }, [messages, history.document]);

  const container = useRef<HTMLDivElement>(null);
  const width = useWidth(container, 900);
  const column = Math.max(MIN_COLUMN, (width - GUTTER - 10) / Math.max(1, participants.length));
  const xOf = (id: string) => GUTTER + column * (participants.indexOf(id) + 0.5);
  const height = HEADER + shown.list.length * ROW + 16;

  // Follow the newest message as the cursor moves on.
  useEffect(() => {
    const element = container.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [shown.list.length, cursor]);

  if (messages.length === 0) {
    return (
      <section className="run-panel sequence-panel" aria-label="Sequence">
        <p className="run-panel-empty">No events passed between services in this run.</p>
      </section>
    );
  }
  const onKey = (event: KeyboardEvent<SVGGElement>, seq: number) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSeek(seq);
    }
  };
  const isElement = (id: string) =>
    history.document.model.elements.some((element) => element.id === id);

  return (
    <section className="run-panel sequence-panel" aria-label="Sequence">
      {shown.before > 0 && (
        <p className="run-panel-note sequence-note">
          The {shown.before.toLocaleString('en')} earlier messages are in the journal.
        </p>
      )}
      <div className="sequence-scroll" ref={container}>
        <svg
          className="sequence-chart"
          width={Math.max(width, GUTTER + 10 + column * participants.length)}
          height={height}
          role="group"
          aria-label="Events between services"
        >
          <defs>
            <marker
              id="sequence-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" className="sequence-arrowhead" />
            </marker>
          </defs>
          {participants.map((id) => {
            const x = xOf(id);
            const name = id === 'outside' ? 'outside' : history.nameOf(id);
            const link = isElement(id);
            return (
              <g key={id} className="sequence-participant">
                <line className="sequence-lifeline" x1={x} x2={x} y1={HEADER - 6} y2={height} />
                <rect
                  className="sequence-head"
                  x={x - column / 2 + 8}
                  y={6}
                  width={column - 16}
                  height={24}
                  rx={5}
                />
                <text
                  className={`sequence-name${link ? ' is-link' : ''}`}
                  x={x}
                  y={18}
                  textAnchor="middle"
                  dominantBaseline="central"
                  {...(link
                    ? {
                        role: 'button',
                        tabIndex: 0,
                        'aria-label': `Show ${name} on the canvas`,
                        onClick: () => onSelectElement(id),
                        onKeyDown: (event: KeyboardEvent<SVGTextElement>) => {
                          if (event.key === 'Enter') onSelectElement(id);
                        },
                      }
                    : {})}
                >
                  {name}
                </text>
              </g>
            );
          })}
          {shown.list.map((message, index) => {
            const y = HEADER + index * ROW + ROW / 2;
            const { from, to } = ends(message);
            const x1 = xOf(from);
            const x2 = xOf(to);
            const label = `${message.type} ${kindText[message.kind]}${message.kind === 'publish' ? ` by ${history.nameOf(from)}` : ` from ${history.nameOf(from)} to ${history.nameOf(to)}`} at ${formatMs(message.atMs)}`;
            const latest = index === shown.list.length - 1;
            const textX = message.kind === 'publish' ? x1 + 10 : (x1 + x2) / 2;
            return (
              <g
                key={`${message.seq}:${message.kind}:${to}`}
                role="button"
                tabIndex={0}
                aria-label={label}
                className={`sequence-message kind-${message.kind}${latest ? ' is-latest' : ''}`}
                onClick={() => onSeek(message.seq)}
                onKeyDown={(event) => onKey(event, message.seq)}
              >
                <title>{label}</title>
                <rect
                  className="sequence-hit"
                  x={Math.min(x1, x2) - 8}
                  y={y - ROW / 2}
                  width={Math.abs(x2 - x1) + 16 + (message.kind === 'publish' ? 160 : 0)}
                  height={ROW}
                />
                {message.kind === 'publish' ? (
                  <circle cx={x1} cy={y} r={4.5} className="sequence-publish" />
                ) : (
                  <line
                    x1={x1}
                    x2={x2 - Math.sign(x2 - x1) * 2}
                    y1={y}
                    y2={y}
                    markerEnd={message.kind === 'dead-letter' ? undefined : 'url(#sequence-arrow)'}
                  />
                )}
                {message.kind === 'dead-letter' && (
                  <path
                    className="sequence-cross"
                    d={`M${x2 - 5},${y - 5} l10,10 m0,-10 l-10,10`}
                  />
                )}
                <text
                  x={textX}
                  y={y - 6}
                  textAnchor={message.kind === 'publish' ? 'start' : 'middle'}
                  className="sequence-label"
                >
                  {message.type}
                  {message.kind === 'duplicate'
                    ? ' (duplicate)'
                    : message.kind === 'redelivery'
                      ? ' (again)'
                      : message.kind === 'dead-letter'
                        ? ' ✕ dead letter'
                        : ''}
                </text>
                <text x={6} y={y + 4} className="sequence-time">
                  {formatMs(message.atMs)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </section>
  );
}
