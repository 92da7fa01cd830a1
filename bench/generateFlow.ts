import { createElement } from '../src-shared/model/createElement';
import type { Connection, Element, WorkflowDocument } from '../src-shared/model/document';

const mock = { latencyMs: 50, failRate: 0.01, honoursIdempotency: true };
const operations = ['run', 'undo'].map((name) => ({ name, mock }));

/** The room a block of nine elements takes. */
const BLOCK_WIDTH = 1200;
const ROW_HEIGHT = 400;

export interface GenerateFlowOptions {
  /**
   * How many blocks go side by side before the next row starts: all in one row by default; `'grid'`
   * wraps them into a roughly square grid, as a big diagram drawn by a person is.
   */
  readonly blocksPerRow?: number | 'grid';
}

/**
 * A realistic, block-structured flow of about `size` elements: repeated blocks of a compensable
 * service task, an exclusive choice between two tasks, and a parallel fork of two tasks.
 */
export function generateFlow(size: number, options: GenerateFlowOptions = {}): WorkflowDocument {
  const elements: Element[] = [createElement('startEvent', 'start', 'Start')];
  const connections: Connection[] = [];
  const shapes: Record<string, { x: number; y: number }> = { start: { x: -200, y: 0 } };
  const services = Array.from({ length: 6 }, (_, i) => `Service${i}`);
  let last = 'start';
  let flowCount = 0;
  const connect = (source: string, target: string, extra: Partial<Connection> = {}) =>
    connections.push({ id: `flow_${(flowCount += 1)}`, source, target, ...extra });
  const task = (id: string, i: number): Element => ({
    ...createElement('serviceTask', id, `Step ${id}`),
    type: 'serviceTask',
    service: services[i % services.length],
    operation: 'run',
    timeoutMs: 2000,
    retry: { maxAttempts: 3, backoff: 'exponential', initialDelayMs: 100, maxDelayMs: 2000 },
    compensation: { operation: 'undo' },
  });
  const add = (element: Element, x: number, y: number) => {
    elements.push(element);
    shapes[element.id] = { x, y };
  };
  const blocks = Math.ceil((size - 2) / 9);
  const perRow =
    options.blocksPerRow === 'grid'
      ? Math.max(1, Math.ceil(Math.sqrt((blocks * ROW_HEIGHT) / BLOCK_WIDTH)))
      : (options.blocksPerRow ?? Infinity);
  let block = 0;
  for (; elements.length < size - 1; block += 1) {
    const x = (block % perRow) * BLOCK_WIDTH;
    const y = Math.floor(block / perRow) * ROW_HEIGHT;
    const ids = ['t', 'g', 'ga', 'gb', 'm', 'p', 'pa', 'pb', 'j'].map((p) => `${p}${block}`) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const [t, g, ga, gb, m, p, pa, pb, j] = ids;
    add(task(t, block), x, y);
    add(
      {
        ...createElement('exclusiveGateway', g, 'Choose'),
        type: 'exclusiveGateway',
        default: `flow_${flowCount + 4}`,
      },
      x + 200,
      y,
    );
    add(task(ga, block + 1), x + 300, y - 100);
    add(task(gb, block + 2), x + 300, y + 100);
    add(createElement('exclusiveGateway', m, 'Merge'), x + 500, y);
    add(createElement('parallelGateway', p, 'Fork'), x + 600, y);
    add(task(pa, block + 3), x + 700, y - 100);
    add(task(pb, block + 4), x + 700, y + 100);
    add(createElement('parallelGateway', j, 'Join'), x + 900, y);
    connect(last, t);
    connect(t, g);
    connect(g, ga, { condition: `amount > ${block}` });
    connect(g, gb);
    connect(ga, m);
    connect(gb, m);
    connect(m, p);
    connect(p, pa);
    connect(p, pb);
    connect(pa, j);
    connect(pb, j);
    last = j;
  }
  add(
    createElement('endEvent', 'end', 'End'),
    (block % perRow) * BLOCK_WIDTH,
    Math.floor(block / perRow) * ROW_HEIGHT,
  );
  connect(last, 'end');
  return {
    formatVersion: 1,
    kind: 'flow',
    name: `Generated flow of ${elements.length} elements`,
    model: { elements, connections },
    diagram: { shapes },
    catalog: { services: services.map((name) => ({ name, operations })) },
  };
}
