import type { ModdleElement } from 'bpmn-moddle';
import type { EdgeRoute, Shape } from '../../model/document';
import type { Connection, Element } from '../../model/elements';
import { foreignExtensions, PROPERTIES_TAG } from './bpmnExtension';
import { isBatonId, repairId } from './bpmnNames';
import type { ImportAction, ImportReportEntry } from './importReport';

/** The state of one import: what has been built so far and what has been reported. */
export class ImportContext {
  readonly report: ImportReportEntry[] = [];
  readonly elements: Element[] = [];
  readonly connections: Connection[] = [];
  readonly shapes: Record<string, Shape> = {};
  readonly edges: Record<string, EdgeRoute> = {};
  /** Baton elements by Baton id, to fill in what later parts of the file say about them. */
  readonly byId = new Map<string, Element>();
  /** The operations generated for tasks that name no Baton service, in order of appearance. */
  readonly generatedOperations = new Set<string>();
  /** The BPMN element each Baton element and connection was made from, by Baton id. */
  readonly sourceOf = new Map<string, ModdleElement>();
  /** BPMN id → Baton id of every element and connection imported. */
  private readonly ids = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(allBpmnIds: Iterable<string>) {
    for (const id of allBpmnIds) if (isBatonId(id)) this.taken.add(id);
  }

  /** Adds a line to the import report. */
  note(
    element: ModdleElement | string,
    action: ImportAction,
    detail: string,
    importedAs?: string,
  ): void {
    // Baton wrote this element: what BPMN alone would lose is in its extension, so only what is
    // skipped or renamed is worth a word.
    if (typeof element !== 'string' && (action === 'approximated' || action === 'converted')) {
      const own = (element.extensionElements as ModdleElement | undefined)?.values;
      if (
        Array.isArray(own) &&
        own.some((value: ModdleElement) => value.$type === PROPERTIES_TAG)
      ) {
        return;
      }
    }
    const elementId = typeof element === 'string' ? element : idText(element) || '(no id)';
    const type = typeof element === 'string' ? '' : bpmnTypeName(element);
    this.report.push({ elementId, type, action, detail, ...(importedAs ? { importedAs } : {}) });
  }

  /** The Baton id of a BPMN element, made (and reported) the first time it is asked for. */
  idOf(element: ModdleElement): string {
    const bpmnId = typeof element.id === 'string' ? element.id : '';
    const known = this.ids.get(bpmnId);
    if (known !== undefined) return known;
    const id = isBatonId(bpmnId) ? bpmnId : repairId(bpmnId || bpmnTypeName(element), this.taken);
    if (id !== bpmnId) {
      this.note(
        element,
        'renamed',
        bpmnId
          ? `its id is not a valid Baton id (letters, digits, "_", "-", "." up to 128 characters, not starting with "__"): imported as "${id}"`
          : `it has no id: imported as "${id}"`,
        id,
      );
    }
    if (bpmnId) this.ids.set(bpmnId, id);
    return id;
  }

  /** The Baton id an imported BPMN element got, or `undefined` when it was not imported. */
  importedId(element: unknown): string | undefined {
    if (!element || typeof element !== 'object') return undefined;
    const bpmnId = (element as ModdleElement).id;
    if (typeof bpmnId !== 'string') return undefined;
    const id = this.ids.get(bpmnId);
    return id !== undefined && (this.byId.has(id) || this.isConnection(id)) ? id : undefined;
  }

  isConnection(id: string): boolean {
    return this.sourceOf.has(id) && !this.byId.has(id);
  }

  addElement(source: ModdleElement, element: Element): void {
    this.elements.push(element);
    this.byId.set(element.id, element);
    this.sourceOf.set(element.id, source);
    this.noteExtensions(source);
  }

  replaceElement(element: Element): void {
    const at = this.elements.findIndex((candidate) => candidate.id === element.id);
    if (at >= 0) this.elements[at] = element;
    this.byId.set(element.id, element);
  }

  addConnection(source: ModdleElement, connection: Connection): void {
    this.connections.push(connection);
    this.sourceOf.set(connection.id, source);
    this.noteExtensions(source);
  }

  /** Reports the vendor extensions and BPMN details of an element that Baton does not read. */
  noteExtensions(element: ModdleElement): void {
    const ignored = foreignExtensions(element);
    for (const [property, words] of IGNORED_PROPERTIES) {
      const value = element[property];
      if (value !== undefined && !(Array.isArray(value) && value.length === 0)) ignored.push(words);
    }
    if (element.isForCompensation === true) ignored.push('the compensation-handler marker');
    if (ignored.length > 0) this.note(element, 'ignored', `not imported: ${ignored.join(', ')}`);
  }
}

const IGNORED_PROPERTIES: readonly (readonly [string, string])[] = [
  ['loopCharacteristics', 'its loop or multi-instance marker (it runs once)'],
  ['ioSpecification', 'its data inputs and outputs'],
  ['dataInputAssociations', 'its data input associations'],
  ['dataOutputAssociations', 'its data output associations'],
  ['resources', 'its resources and performers'],
  ['properties', 'its properties'],
  ['documentation', 'its documentation'],
];

/** `bpmn:ServiceTask` → `serviceTask`, as BPMN's XML names it. */
export function bpmnTypeName(element: ModdleElement): string {
  const local = element.$type.replace(/^bpmn:/, '');
  return local[0]!.toLowerCase() + local.slice(1);
}

/** The elements of a list property of a moddle element (absent lists are empty). */
export function list(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value = element?.[property];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

/** A string property of a moddle element, or `undefined`. */
export function text(element: ModdleElement | undefined, property: string): string | undefined {
  const value = element?.[property];
  return typeof value === 'string' ? value : undefined;
}

/** A property holding another moddle element (a resolved reference), or `undefined`. */
export function ref(
  element: ModdleElement | undefined,
  property: string,
): ModdleElement | undefined {
  const value = element?.[property];
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as ModdleElement)
    : undefined;
}

/** The BPMN id of a moddle element, or `''` when it has none. */
export function idText(element: ModdleElement | undefined): string {
  const id = element?.id;
  return typeof id === 'string' ? id : '';
}
