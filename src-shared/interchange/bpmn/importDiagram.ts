import type { ModdleElement } from 'bpmn-moddle';
import { elementSize } from '../../diagram/elementSize';
import { list, ref, type ImportContext } from './importContext';

const LIMIT = 1e7;
const inRange = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= LIMIT;

/**
 * Takes the layout of the file's diagrams: each BPMNShape's bounds become the shape of the element
 * it draws, each BPMNEdge's waypoints the route of its connection. Label positions are not kept.
 * An element drawn twice keeps its first drawing; an element the file does not draw is placed
 * below the others and reported.
 */
export function importDiagram(context: ImportContext, definitions: ModdleElement): void {
  for (const diagram of list(definitions, 'diagrams')) {
    for (const item of list(ref(diagram, 'plane'), 'planeElement')) {
      const id = context.importedId(ref(item, 'bpmnElement'));
      if (!id) continue;
      if (item.$type === 'bpmndi:BPMNShape') importShape(context, item, id);
      if (item.$type === 'bpmndi:BPMNEdge') importEdge(context, item, id);
    }
  }
  placeUndrawn(context);
}

function importShape(context: ImportContext, item: ModdleElement, id: string): void {
  if (context.shapes[id]) return;
  if (item.isExpanded === false && context.byId.get(id)?.type === 'subProcess') {
    context.note(
      id,
      'approximated',
      'drawn collapsed in the file: Baton draws a sub-process open, at the size the file gives it, with the elements inside it where the file draws them',
    );
  }
  const bounds = ref(item, 'bounds');
  const { x, y, width, height } = bounds ?? ({} as Partial<Record<string, unknown>>);
  if (!inRange(x) || !inRange(y)) {
    context.note(id, 'approximated', 'its bounds in the diagram are missing or out of range');
    return;
  }
  context.shapes[id] = {
    x,
    y,
    ...(inRange(width) && width > 0 && width <= 1e6 ? { width } : {}),
    ...(inRange(height) && height > 0 && height <= 1e6 ? { height } : {}),
  };
}

function importEdge(context: ImportContext, item: ModdleElement, id: string): void {
  if (context.edges[id] || !context.isConnection(id)) return;
  const points = list(item, 'waypoint').map(({ x, y }) => ({ x, y }));
  if (points.length < 2 || points.length > 1000) return;
  if (!points.every(({ x, y }) => inRange(x) && inRange(y))) {
    context.note(id, 'approximated', 'its waypoints are out of range: drawn as a straight line');
    return;
  }
  context.edges[id] = { waypoints: points as { x: number; y: number }[] };
}

function placeUndrawn(context: ImportContext): void {
  const drawn = Object.values(context.shapes);
  let x = Math.min(0, ...drawn.map((shape) => shape.x));
  const y = Math.max(0, ...drawn.map((shape) => shape.y + (shape.height ?? 100))) + 80;
  for (const element of context.elements) {
    if (context.shapes[element.id]) continue;
    context.shapes[element.id] = { x, y };
    context.note(element.id, 'approximated', `the file does not draw it: placed at (${x}, ${y})`);
    x += elementSize(element.type).width + 40;
  }
}
