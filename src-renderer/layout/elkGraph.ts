import type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api';
import type { Element, WorkflowDocument } from '../../src-shared/model/document';
import { boxOf, type Box } from './geometry';

/** The id of the graph's root, which no element can have (element ids never hold ":"). */
export const ROOT_ID = ':root';

/** Room a boundary event's caption needs under the half of it that hangs below its task. */
const BOUNDARY_CAPTION_ROOM = 22;

/** Spacing for every graph, the root's and each sub-process's (ELK reads them per graph). */
const SPACING: LayoutOptions = {
  'elk.layered.spacing.nodeNodeBetweenLayers': '64',
  'elk.spacing.nodeNode': '40',
  'elk.spacing.edgeNode': '24',
  // A routed connection turns well clear of the element it leaves or enters.
  'elk.layered.spacing.edgeNodeBetweenLayers': '24',
  'elk.spacing.edgeEdge': '12',
  'elk.spacing.componentComponent': '64',
  'elk.spacing.commentNode': '24',
  'elk.spacing.commentComment': '16',
};

const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Ties are broken by the order of the model, so the author's order of branches is kept.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.randomSeed': '1',
  // Edges' points in the root's coordinates, wherever the edge sits (they become routes).
  'elk.json.edgeCoords': 'ROOT',
  ...SPACING,
};

/** A sub-process's name sits at its top-left, above its contents. */
const SUB_PROCESS_PADDING = '[top=44,left=24,bottom=24,right=24]';

/** What the layout works on, decided before the graph is built. */
export interface LayoutScope {
  /** Elements placed by the layout (never boundary events, lanes or groups). */
  readonly placed: ReadonlySet<string>;
  /** Boundary events that ride on a placed task, by task. */
  readonly boundaries: ReadonlyMap<string, readonly Element[]>;
}

/**
 * Each placed element's container: the nearest sub-process up its `parent`s that is laid out too,
 * or the root. Sub-processes that contain each other (a hand-written file) are cut apart where the
 * circle closes, so that every chain of containers ends at the root.
 */
function assignContainers(doc: WorkflowDocument, scope: LayoutScope): Map<string, string> {
  const byId = new Map(doc.model.elements.map((element) => [element.id, element]));
  const containers = new Map<string, string>();
  for (const id of scope.placed) {
    let container = ROOT_ID;
    const seen = new Set([id]);
    for (let parent = byId.get(id)?.parent; parent !== undefined && !seen.has(parent);) {
      seen.add(parent);
      const candidate = byId.get(parent);
      if (candidate?.type === 'subProcess' && scope.placed.has(parent)) {
        container = parent;
        break;
      }
      parent = candidate?.parent;
    }
    containers.set(id, container);
  }
  for (const id of scope.placed) {
    const seen = new Set([id]);
    for (let at = id, next = containers.get(at)!; next !== ROOT_ID; next = containers.get(at)!) {
      if (seen.has(next)) {
        containers.set(at, ROOT_ID);
        break;
      }
      seen.add(next);
      at = next;
    }
  }
  return containers;
}

/** The graph where an edge between two nodes belongs: their lowest common container. */
function commonContainer(containerOf: (id: string) => string, a: string, b: string): string {
  if (a === b) return containerOf(a);
  const chain = (id: string) => {
    const ids = [id];
    for (let at = id; at !== ROOT_ID;) ids.push((at = containerOf(at)));
    return ids;
  };
  const above = new Set(chain(a));
  return chain(b).find((id) => above.has(id)) ?? ROOT_ID;
}

function boundaryPorts(boundaries: readonly Element[], boxes: ReadonlyMap<string, Box>) {
  return boundaries.map((boundary): ElkPort => {
    const size = boxes.get(boundary.id)?.width ?? 36;
    // Half the event hangs below the task's edge, its caption below that.
    return {
      id: boundary.id,
      width: size,
      height: size / 2 + BOUNDARY_CAPTION_ROOM,
      layoutOptions: { 'elk.port.side': 'SOUTH' },
    };
  });
}

/**
 * The ELK graph for the elements in scope: one node per placed element, nested inside its
 * sub-process; a boundary event as a port on the bottom side of its task, so that the paths leaving
 * it start there; an annotation as an ELK comment box tied to what it annotates; and the
 * connections between placed elements as edges.
 */
export function buildElkGraph(doc: WorkflowDocument, scope: LayoutScope): ElkNode {
  const boxes = new Map<string, Box>();
  for (const element of doc.model.elements) {
    const box = boxOf(doc, element);
    if (box) boxes.set(element.id, box);
  }
  const containers = assignContainers(doc, scope);
  const containerOf = (id: string) => containers.get(id) ?? ROOT_ID;
  const nodes = new Map<string, ElkNode>([
    [ROOT_ID, { id: ROOT_ID, layoutOptions: { ...ROOT_OPTIONS }, children: [], edges: [] }],
  ]);
  const placed = doc.model.elements.filter((element) => scope.placed.has(element.id));
  for (const element of placed) {
    const box = boxes.get(element.id)!;
    const ports = boundaryPorts(scope.boundaries.get(element.id) ?? [], boxes);
    const options: LayoutOptions = ports.length > 0 ? { 'elk.portConstraints': 'FIXED_SIDE' } : {};
    nodes.set(element.id, {
      id: element.id,
      width: box.width,
      height: box.height,
      ...(ports.length > 0 ? { ports } : {}),
      layoutOptions: options,
    });
  }
  for (const element of placed) {
    const node = nodes.get(element.id)!;
    const container = nodes.get(containerOf(element.id))!;
    (container.children ??= []).push(node);
    if (container.id !== ROOT_ID && !container.layoutOptions?.['elk.padding']) {
      // Connections may cross a sub-process's border: lay out the nesting as one graph.
      nodes.get(ROOT_ID)!.layoutOptions!['elk.hierarchyHandling'] = 'INCLUDE_CHILDREN';
      const box = boxes.get(container.id)!;
      container.layoutOptions = {
        ...container.layoutOptions,
        ...SPACING,
        'elk.padding': SUB_PROCESS_PADDING,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${box.width}, ${box.height})`,
      };
    }
  }

  const taskOfBoundary = new Map(
    [...scope.boundaries].flatMap(([task, riders]) => riders.map((rider) => [rider.id, task])),
  );
  const nodeOfEnd = (id: string) => (scope.placed.has(id) ? id : taskOfBoundary.get(id));
  const addEdge = (edge: ElkExtendedEdge, source: string, target: string) => {
    const container = nodes.get(commonContainer(containerOf, source, target))!;
    (container.edges ??= []).push(edge);
  };
  for (const connection of doc.model.connections) {
    const source = nodeOfEnd(connection.source);
    const target = nodeOfEnd(connection.target);
    if (source === undefined || target === undefined) continue;
    addEdge(
      { id: connection.id, sources: [connection.source], targets: [connection.target] },
      source,
      target,
    );
  }
  for (const element of placed) {
    if (element.type !== 'annotation' || element.annotates === undefined) continue;
    const target = element.annotates;
    if (!scope.placed.has(target) || containerOf(target) !== containerOf(element.id)) continue;
    nodes.get(element.id)!.layoutOptions = { 'elk.commentBox': 'true' };
    addEdge(
      { id: `annotation:${element.id}`, sources: [element.id], targets: [target] },
      element.id,
      target,
    );
  }
  return nodes.get(ROOT_ID)!;
}
