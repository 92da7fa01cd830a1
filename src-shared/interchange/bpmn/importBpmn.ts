import { BpmnModdle, type ModdleElement, type ParseWarning } from 'bpmn-moddle';
import { describeIssues } from '../../contract/dispatch';
import type { ErrorIssue } from '../../contract/errors';
import { DEFAULT_ELEMENT_SIZES } from '../../diagram/elementSize';
import { Catalog } from '../../model/catalog';
import { Broker, FORMAT_VERSION, WorkflowDocument } from '../../model/document';
import { Connection, Element } from '../../model/elements';
import { WorkflowKind } from '../../model/elementTypes';
import { DOCUMENT_TAG, PROPERTIES_TAG, readExtensionJson } from './bpmnExtension';
import { checkBpmnText } from './checkBpmnText';
import { ImportContext, list, ref, text } from './importContext';
import { importDiagram } from './importDiagram';
import { GENERATED_SERVICE } from './importFlowNodes';
import { importProcesses } from './importProcesses';
import type { ImportReportEntry } from './importReport';
import { straightRoute } from './routes';

/** A BPMN file read into a Baton document with its import report, or why it was refused. */
export type BpmnImportResult =
  | {
      readonly ok: true;
      readonly document: WorkflowDocument;
      readonly report: readonly ImportReportEntry[];
    }
  | { readonly ok: false; readonly message: string; readonly problems: readonly ErrorIssue[] };

const XML_ENCODING = /^(\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])/;

/** Properties whose BPMN form wins over the copy in Baton's extension (edited in another tool). */
const STRUCTURAL = [
  'id',
  'name',
  'type',
  'parent',
  'lane',
  'attachedTo',
  'annotates',
  'default',
  'text',
  'flowId',
  'timer',
  'eventType',
  'errorCode',
  'trigger',
  'result',
  'source',
  'target',
  'condition',
] as const;

/**
 * Reads BPMN 2.0 XML from outside into a Baton flow (or a map Baton exported), without trusting
 * it: the text is checked first (`checkBpmnText`: size, element count, nesting, DOCTYPE, ids that
 * name object properties), then parsed by bpmn-moddle, converted element by element with every
 * loss written to the report, and the result checked against the document schema. Element ids are
 * kept (an id Baton cannot use is renamed and reported). Never throws; a refused file imports
 * nothing.
 */
export async function importBpmn(xml: string): Promise<BpmnImportResult> {
  const refused = checkBpmnText(xml);
  if (refused) return refuse(`Cannot import the BPMN file: ${refused}`);
  let parsed;
  try {
    // The text is already decoded: the declared encoding no longer applies.
    parsed = await new BpmnModdle().fromXML(
      xml.replace(/^\uFEFF/, '').replace(XML_ENCODING, '$1UTF-8$2'),
    );
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return refuse(`Cannot read the BPMN file: ${reason}`);
  }
  const definitions = parsed.rootElement;
  const context = new ImportContext(Object.keys(parsed.elementsById));
  for (const warning of parsed.warnings) noteWarning(context, warning);
  const extension = documentExtension(context, definitions);
  const kind = WorkflowKind.safeParse(extension?.kind).data ?? 'flow';
  if (kind === 'map') importMapParticipants(context, definitions);
  else importProcesses(context, definitions);
  if (context.elements.length === 0) {
    return refuse(
      'Cannot import the BPMN file: it has no process, pool or flow element Baton can import',
    );
  }
  importDiagram(context, definitions);
  applyElementExtensions(context, kind);
  return finish(context, definitions, kind, extension ?? {});
}

/** A bpmn-moddle warning: XML it could not read (and dropped), named as well as it says. */
function noteWarning(context: ImportContext, warning: ParseWarning): void {
  const lines = warning.message.split('\n');
  const nested = lines
    .find((line) => line.includes('nested error:'))
    ?.replace(/^\s*nested error:\s*/, '');
  const id = /illegal ID <([^>]*)>/.exec(warning.message)?.[1];
  const detail = `the XML reader dropped it: ${lines[0] ?? ''}${nested ? ` (${nested})` : ''}`;
  context.note(warning.element ?? id ?? '(xml)', 'skipped', detail);
}

function refuse(message: string, problems?: readonly ErrorIssue[]): BpmnImportResult {
  return { ok: false, message, problems: problems ?? [{ path: '(root)', message }] };
}

/** The `baton:document` extension of the first collaboration or process, when Baton wrote one. */
function documentExtension(
  context: ImportContext,
  definitions: ModdleElement,
): Record<string, unknown> | undefined {
  const roots = list(definitions, 'rootElements');
  const holder =
    roots.find((root) => root.$type === 'bpmn:Collaboration') ??
    roots.find((root) => root.$type === 'bpmn:Process');
  const read = holder ? readExtensionJson(holder, DOCUMENT_TAG) : undefined;
  if (read && 'problem' in read) context.note(holder!, 'ignored', read.problem);
  return read && 'value' in read ? read.value : undefined;
}

/** A map Baton exported: each black-box pool a service or event type, each message flow an edge. */
function importMapParticipants(context: ImportContext, definitions: ModdleElement): void {
  for (const collaboration of list(definitions, 'rootElements')) {
    if (collaboration.$type !== 'bpmn:Collaboration') continue;
    for (const participant of list(collaboration, 'participants')) {
      const id = context.idOf(participant);
      context.addElement(participant, {
        type: 'service',
        id,
        name: text(participant, 'name') ?? '',
      });
    }
    for (const flow of list(collaboration, 'messageFlows')) {
      const source = context.importedId(ref(flow, 'sourceRef'));
      const target = context.importedId(ref(flow, 'targetRef'));
      if (!source || !target) {
        context.note(flow, 'skipped', 'it connects an element that was not imported');
        continue;
      }
      const name = text(flow, 'name');
      context.addConnection(flow, {
        id: context.idOf(flow),
        source,
        target,
        ...(name ? { name } : {}),
      });
    }
  }
}

/** Merges each element's and connection's `baton:properties` into what BPMN said about it. */
function applyElementExtensions(context: ImportContext, kind: WorkflowKind): void {
  context.elements.forEach((element, index) => {
    const merged = merge(
      context,
      element,
      kind === 'map' ? ['type'] : element.type === 'annotation' ? ['name'] : [],
    );
    if (!merged) return;
    const parsed = Element.safeParse(merged);
    if (parsed.success) {
      context.elements[index] = parsed.data;
      context.byId.set(parsed.data.id, parsed.data);
    } else {
      context.note(
        element.id,
        'ignored',
        `its Baton properties are not valid: ${describeIssues(parsed.error)[0]?.message ?? ''}`,
      );
    }
  });
  context.connections.forEach((connection, index) => {
    const merged = merge(context, connection, []);
    if (!merged) return;
    const parsed = Connection.safeParse(merged);
    if (parsed.success) context.connections[index] = parsed.data;
    else
      context.note(
        connection.id,
        'ignored',
        `its Baton properties are not valid: ${describeIssues(parsed.error)[0]?.message ?? ''}`,
      );
  });
}

function merge(
  context: ImportContext,
  item: Element | Connection,
  extensionWins: readonly string[],
): Record<string, unknown> | undefined {
  const source = context.sourceOf.get(item.id);
  const read = source ? readExtensionJson(source, PROPERTIES_TAG) : undefined;
  if (!read) return undefined;
  if ('problem' in read) {
    context.note(item.id, 'ignored', read.problem);
    return undefined;
  }
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(read.value)) {
    if (key !== '__proto__') merged[key] = value;
  }
  const native = item as Record<string, unknown>;
  for (const key of STRUCTURAL) {
    if (extensionWins.includes(key) && merged[key] !== undefined) continue;
    if (native[key] !== undefined) merged[key] = native[key];
  }
  return merged;
}

function finish(
  context: ImportContext,
  definitions: ModdleElement,
  kind: WorkflowKind,
  extension: Record<string, unknown>,
): BpmnImportResult {
  const elements = inOrder(context.elements, extension.elementOrder);
  const connections = inOrder(context.connections, extension.connectionOrder);
  const byId = new Map(elements.map((element) => [element.id, element]));
  const defaultSizes = isRecord(extension.defaultSizes) ? extension.defaultSizes : {};
  for (const [id, sides] of Object.entries(defaultSizes)) {
    const shape = context.shapes[id];
    const element = byId.get(id);
    if (!shape || !element) continue;
    const size = DEFAULT_ELEMENT_SIZES[element.type];
    const drop = stringList(sides).filter(
      (side): side is 'width' | 'height' =>
        (side === 'width' || side === 'height') && shape[side] === size[side],
    );
    context.shapes[id] = Object.fromEntries(
      Object.entries(shape).filter(([key]) => !drop.includes(key as 'width')),
    ) as typeof shape;
  }
  for (const id of stringList(extension.defaultRoutes)) {
    const connection = connections.find((candidate) => candidate.id === id);
    const route = context.edges[id];
    if (!connection || !route) continue;
    const straight = straightRoute(connection, byId, context.shapes);
    if (JSON.stringify(straight) === JSON.stringify(route.waypoints)) delete context.edges[id];
  }
  const catalog = catalogOf(context, elements, extension.catalog);
  const broker = Broker.safeParse(extension.broker);
  const name = typeof extension.name === 'string' ? extension.name : defaultName(definitions);
  const candidate = {
    formatVersion: FORMAT_VERSION,
    kind,
    ...(name ? { name: name.slice(0, 120) } : {}),
    model: { elements, connections },
    diagram: {
      shapes: context.shapes,
      ...(Object.keys(context.edges).length > 0 ? { edges: context.edges } : {}),
    },
    ...(catalog ? { catalog } : {}),
    ...(broker.success ? { broker: broker.data } : {}),
  };
  const result = WorkflowDocument.safeParse(candidate);
  if (!result.success) {
    const problems = describeIssues(result.error);
    return refuse(
      `The imported document is not valid: ${problems[0]?.path}: ${problems[0]?.message}`,
      problems.slice(0, 100),
    );
  }
  return { ok: true, document: result.data, report: context.report };
}

/** The document's catalog from Baton's extension, with the generated service tasks call added. */
function catalogOf(
  context: ImportContext,
  elements: readonly Element[],
  fromExtension: unknown,
): Catalog | undefined {
  const parsed = fromExtension === undefined ? undefined : Catalog.safeParse(fromExtension);
  if (parsed && !parsed.success)
    context.note('(document)', 'ignored', 'the catalog in its Baton extension is not valid');
  const own = parsed?.success ? parsed.data : undefined;
  const operations = new Set<string>();
  for (const element of elements) {
    if (
      element.type === 'serviceTask' &&
      element.service === GENERATED_SERVICE &&
      element.operation
    ) {
      operations.add(element.operation);
    }
  }
  if (
    operations.size === 0 ||
    own?.services.some((service) => service.name === GENERATED_SERVICE)
  ) {
    return own;
  }
  context.note(
    '(catalog)',
    'converted',
    `tasks without a Baton service call operations of a generated service "${GENERATED_SERVICE}" (${operations.size} operation${operations.size === 1 ? '' : 's'}, each answering ok after 10 ms)`,
  );
  const generated = {
    name: GENERATED_SERVICE,
    operations: [...operations].map((name) => ({
      name,
      mock: { latencyMs: 10, failRate: 0, honoursIdempotency: true },
    })),
  };
  return { ...own, services: [...(own?.services ?? []), generated] };
}

function defaultName(definitions: ModdleElement): string | undefined {
  const process = list(definitions, 'rootElements').find((root) => root.$type === 'bpmn:Process');
  return text(definitions, 'name') ?? text(process, 'name');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/** Items in the order Baton saved them; any not listed keep their order after those listed. */
function inOrder<T extends { id: string }>(items: readonly T[], order: unknown): T[] {
  const position = new Map(stringList(order).map((id, index) => [id, index]));
  return items
    .map((item, index) => ({ item, key: position.get(item.id) ?? position.size + index }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}
