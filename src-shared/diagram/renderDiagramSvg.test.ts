// @vitest-environment jsdom
// (jsdom for its DOMParser, which tells well-formed XML from the rest; the renderer itself is pure.)
import { describe, expect, it } from 'vitest';
import { documentOf } from '../../test/shared/documents';
import { containerFlow } from '../../test/shared/containerFlow';
import { loadExamples } from '../../test/shared/exampleFiles';
import type { Element, WorkflowDocument } from '../model/document';
import { elementSize } from './elementSize';
import { renderDiagram, renderDiagramSvg } from './renderDiagramSvg';
import { escapeXml } from './svgText';

/** The SVG parsed as XML, failing the test when it is not well formed. */
function parseSvg(svg: string): Document {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = parsed.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`the SVG is not well formed: ${error.textContent}`);
  expect(parsed.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
  return parsed;
}

function viewBoxOf(svg: Document) {
  const [x = NaN, y = NaN, width = NaN, height = NaN] = (
    svg.documentElement.getAttribute('viewBox') ?? ''
  )
    .split(' ')
    .map(Number);
  return { x, y, width, height };
}

const elementGroups = (svg: Document, id: string) =>
  [...svg.querySelectorAll('g[data-element-id]')].filter(
    (group) => group.getAttribute('data-element-id') === id,
  );

const examples = [...loadExamples('flow'), ...loadExamples('map')];

describe('renderDiagramSvg on the worked examples', () => {
  it('has examples of both kinds to draw', () => {
    expect(loadExamples('flow').length).toBeGreaterThan(0);
    expect(loadExamples('map').length).toBeGreaterThan(0);
  });

  describe.each(examples)('%s', (_file, doc) => {
    const text = renderDiagramSvg(doc);
    const svg = parseSvg(text);
    const drawn = doc.model.elements.filter((element) =>
      Object.hasOwn(doc.diagram.shapes, element.id),
    );

    it('is a titled image', () => {
      const root = svg.documentElement;
      expect(root.getAttribute('role')).toBe('img');
      expect(svg.querySelector('svg > title')?.textContent).toBe(doc.name);
    });

    it('draws one group per element, at its shape', () => {
      expect(svg.querySelectorAll('g[data-element-id]')).toHaveLength(drawn.length);
      for (const element of drawn) {
        const shape = doc.diagram.shapes[element.id]!;
        const groups = elementGroups(svg, element.id);
        expect(groups, element.id).toHaveLength(1);
        expect(groups[0]!.getAttribute('transform')).toBe(`translate(${shape.x} ${shape.y})`);
        expect(groups[0]!.getAttribute('class')).toBe(`element element-${element.type}`);
      }
    });

    it('draws one path with an arrowhead per connection, from source to target', () => {
      const connections = svg.querySelectorAll('g[data-connection-id]');
      expect(connections).toHaveLength(doc.model.connections.length);
      for (const connection of doc.model.connections) {
        const group = [...connections].find(
          (item) => item.getAttribute('data-connection-id') === connection.id,
        );
        const paths = group?.querySelectorAll('path.connection-path') ?? [];
        expect(paths, connection.id).toHaveLength(1);
        const d = paths[0]!.getAttribute('d') ?? '';
        expect(paths[0]!.getAttribute('marker-end')).toBe('url(#baton-arrow)');
        const source = doc.diagram.shapes[connection.source]!;
        const target = doc.diagram.shapes[connection.target]!;
        const sourceSize = elementSize(typeOf(doc, connection.source), source);
        const targetSize = elementSize(typeOf(doc, connection.target), target);
        expect(
          d.startsWith(`M${source.x + sourceSize.width} ${source.y + sourceSize.height / 2}`),
        ).toBe(true);
        expect(d.endsWith(`L${target.x} ${target.y + targetSize.height / 2}`)).toBe(true);
      }
      expect(svg.querySelector('marker#baton-arrow')).not.toBeNull();
    });

    it('holds every element name, escaped', () => {
      for (const element of drawn) {
        expect(elementGroups(svg, element.id)[0]!.querySelector('title')?.textContent).toBe(
          element.name,
        );
        expect(text).toContain(`<title>${escapeXml(element.name)}</title>`);
      }
    });

    it('fits every shape in its viewBox, which is also its size', () => {
      const box = viewBoxOf(svg);
      expect(svg.documentElement.getAttribute('width')).toBe(String(box.width));
      expect(svg.documentElement.getAttribute('height')).toBe(String(box.height));
      for (const element of drawn) {
        const shape = doc.diagram.shapes[element.id]!;
        const size = elementSize(element.type, shape);
        expect(shape.x, element.id).toBeGreaterThanOrEqual(box.x);
        expect(shape.y, element.id).toBeGreaterThanOrEqual(box.y);
        expect(shape.x + size.width, element.id).toBeLessThanOrEqual(box.x + box.width);
        expect(shape.y + size.height, element.id).toBeLessThanOrEqual(box.y + box.height);
      }
    });

    it('gives the same bytes for the same document', () => {
      expect(renderDiagramSvg(structuredClone(doc))).toBe(text);
    });
  });
});

function typeOf(doc: WorkflowDocument, id: string): Element['type'] {
  const element = doc.model.elements.find((item) => item.id === id);
  if (!element) throw new Error(`no element ${id}`);
  return element.type;
}

const hostile = `</svg><script>alert("x")</script> & 'quoted' <b>`;

describe('renderDiagramSvg with hostile text', () => {
  it('escapes names, labels and notes so that nothing breaks out of the SVG', () => {
    // Given names, a label and a note holding markup, quotes, a control character and a lone surrogate
    const doc = documentOf(
      'flow',
      [
        ['start', 'startEvent', hostile],
        ['task', 'serviceTask', `${hostile}\u0001\ud800`],
        ['end', 'endEvent', hostile],
      ],
      [
        ['c1', 'start', 'task'],
        ['c2', 'task', 'end'],
      ],
    );
    const note: Element = { type: 'annotation', id: 'note', name: hostile, text: hostile };
    const hostileDoc: WorkflowDocument = {
      ...doc,
      name: hostile,
      model: {
        elements: [...doc.model.elements, note],
        connections: doc.model.connections.map((item) => ({ ...item, name: hostile })),
      },
      diagram: { shapes: { ...doc.diagram.shapes, note: { x: 0, y: 200 } } },
    };

    // When it is drawn
    const text = renderDiagramSvg(hostileDoc);
    const svg = parseSvg(text);

    // Then it is still one well-formed SVG with no script, and the text reads as written
    expect(svg.querySelectorAll('script')).toHaveLength(0);
    expect(text).not.toContain('<script');
    expect(text.match(/<\/svg>/g)).toHaveLength(1);
    expect(svg.querySelector('svg > title')?.textContent).toBe(hostile);
    expect(elementGroups(svg, 'start')[0]!.querySelector('title')?.textContent).toBe(hostile);
    expect(elementGroups(svg, 'task')[0]!.querySelector('title')?.textContent).toBe(
      `${hostile}\ufffd\ufffd`,
    );
    const noteText = [...elementGroups(svg, 'note')[0]!.querySelectorAll('tspan')]
      .map((span) => span.textContent)
      .join('');
    expect(noteText.replace(/\s/g, '')).toBe(hostile.replace(/\s/g, ''));
    expect(svg.querySelector('g[data-connection-id="c1"] text')?.textContent).toContain('<script>');
  });
});

describe('renderDiagramSvg drawing rules', () => {
  it('draws lanes behind everything and boundary events above their task', () => {
    // Given a lane and a boundary event listed after the task they cover
    const doc = documentOf('flow', [
      ['task', 'serviceTask', 'Charge'],
      ['timeout', 'boundaryEvent', 'Too slow'],
      ['lane', 'lane', 'Payments'],
    ]);
    // When it is drawn
    const order = [...parseSvg(renderDiagramSvg(doc)).querySelectorAll('g[data-element-id]')].map(
      (group) => group.getAttribute('data-element-id'),
    );
    // Then the lane comes first and the boundary event last
    expect(order).toEqual(['lane', 'task', 'timeout']);
  });

  it('leaves out elements without a shape and the connections that touch them', () => {
    const doc = documentOf(
      'flow',
      [
        ['start', 'startEvent'],
        ['task', 'serviceTask'],
      ],
      [['c1', 'start', 'task']],
    );
    const { task: _task, ...shapes } = doc.diagram.shapes;
    const svg = parseSvg(renderDiagramSvg({ ...doc, diagram: { shapes } }));
    expect(svg.querySelectorAll('g[data-element-id]')).toHaveLength(1);
    expect(svg.querySelectorAll('g[data-connection-id]')).toHaveLength(0);
  });

  it('routes a connection through its saved bend points and labels it with its condition', () => {
    const doc = documentOf(
      'flow',
      [
        ['gateway', 'exclusiveGateway', 'Paid?'],
        ['task', 'serviceTask', 'Ship'],
      ],
      [['c1', 'gateway', 'task']],
    );
    const routed: WorkflowDocument = {
      ...doc,
      model: {
        ...doc.model,
        connections: [{ id: 'c1', source: 'gateway', target: 'task', condition: 'amount > 100' }],
      },
      diagram: { ...doc.diagram, edges: { c1: { waypoints: [{ x: 100, y: 300 }] } } },
    };
    const svg = parseSvg(renderDiagramSvg(routed));
    expect(svg.querySelector('path.connection-path')?.getAttribute('d')).toContain('Q100 300');
    expect(svg.querySelector('.connection-label text')?.textContent).toBe('amount > 100');
  });

  it('uses a shape’s own size where it has one', () => {
    const doc = documentOf('flow', [['task', 'serviceTask', 'Charge']]);
    const sized = { ...doc, diagram: { shapes: { task: { x: 0, y: 0, width: 400, height: 90 } } } };
    const rect = parseSvg(renderDiagramSvg(sized)).querySelector('g[data-element-id="task"] rect');
    expect([rect?.getAttribute('width'), rect?.getAttribute('height')]).toEqual(['400', '90']);
  });

  it('draws the saga markers of a service task', () => {
    const doc = documentOf('flow', [['task', 'serviceTask', 'Charge']]);
    const task = {
      ...doc.model.elements[0]!,
      compensation: { operation: 'refund' },
      pivot: true,
      retry: { maxAttempts: 3, backoff: 'fixed', initialDelayMs: 10, maxDelayMs: 10 },
      timeoutMs: 500,
    } as Element;
    const svg = parseSvg(renderDiagramSvg({ ...doc, model: { ...doc.model, elements: [task] } }));
    const markers = [...svg.querySelectorAll('g.marker')].map((marker) =>
      marker.getAttribute('class'),
    );
    expect(markers).toEqual([
      'marker marker-compensation',
      'marker marker-pivot',
      'marker marker-retry',
      'marker marker-timeout',
    ]);
  });

  it('draws a dark variant on request, and an empty document as a small blank image', () => {
    const doc = documentOf('map', [['orders', 'service', 'Orders']]);
    const light = renderDiagramSvg(doc);
    const dark = renderDiagramSvg(doc, { theme: 'dark' });
    expect(dark).not.toBe(light);
    expect(parseSvg(dark).querySelector('rect.background')?.getAttribute('fill')).toBe('#161a22');
    const empty = renderDiagram({
      ...doc,
      model: { elements: [], connections: [] },
      diagram: { shapes: {} },
    });
    expect([empty.width, empty.height]).toEqual([48, 48]);
    expect(parseSvg(empty.svg).querySelector('svg > title')?.textContent).toBe('Untitled map');
  });
});

describe('renderDiagramSvg with a collapsed sub-process', () => {
  const collapse = (doc: WorkflowDocument): WorkflowDocument => ({
    ...doc,
    diagram: { shapes: { ...doc.diagram.shapes, sub: { x: 100, y: 50, collapsed: true } } },
  });

  it('given a collapsed sub-process, then it is drawn at task size with the "+" marker and its contents and their connections are not drawn', () => {
    const svg = parseSvg(renderDiagramSvg(collapse(containerFlow())));

    const [sub] = elementGroups(svg, 'sub');
    expect(sub?.getAttribute('transform')).toBe('translate(100 50)');
    const frame = sub?.querySelector('rect');
    expect([frame?.getAttribute('width'), frame?.getAttribute('height')]).toEqual(['160', '64']);
    expect(sub?.innerHTML).toContain('M8 5v6M5 8h6');
    expect(elementGroups(svg, 'inner')).toHaveLength(0);
    expect(elementGroups(svg, 'boundary')).toHaveLength(0);
    expect(svg.querySelectorAll('g[data-connection-id]')).toHaveLength(0);
    expect(elementGroups(svg, 'task')).toHaveLength(1);
  });

  it('given the same sub-process expanded, then it is drawn at its size with its contents', () => {
    const svg = parseSvg(renderDiagramSvg(containerFlow()));
    const frame = elementGroups(svg, 'sub')[0]?.querySelector('rect');
    expect([frame?.getAttribute('width'), frame?.getAttribute('height')]).toEqual(['360', '200']);
    expect(elementGroups(svg, 'inner')).toHaveLength(1);
    expect(svg.querySelectorAll('g[data-connection-id]')).toHaveLength(1);
  });
});

describe('renderDiagramSvg with a boundary event on the top of its task', () => {
  it('given the event on the top border, then its caption is drawn above it, off the task', () => {
    const doc = containerFlow();
    const onTop = {
      ...doc,
      diagram: { shapes: { ...doc.diagram.shapes, boundary: { x: 212, y: 82 } } },
    };
    const svg = parseSvg(renderDiagramSvg(onTop));
    const caption = elementGroups(svg, 'boundary')[0]?.querySelector('text tspan');
    expect(Number(caption?.getAttribute('y'))).toBeLessThan(0);
  });

  it('given the event on the bottom border, then its caption is drawn below it', () => {
    const svg = parseSvg(renderDiagramSvg(containerFlow()));
    const caption = elementGroups(svg, 'boundary')[0]?.querySelector('text tspan');
    expect(Number(caption?.getAttribute('y'))).toBeGreaterThan(36);
  });
});
