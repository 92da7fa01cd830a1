import type { Handlers } from '../../src-shared/contract/contract';
import { BatonError } from '../../src-shared/contract/errors';
import { loadDocument } from '../../src-shared/format/loadDocument';
import { serializeDocument } from '../../src-shared/format/serializeDocument';
import { importBpmn } from '../../src-shared/interchange/bpmn/importBpmn';
import type { ImportReportEntry } from '../../src-shared/interchange/bpmn/importReport';
import type { Catalog, EventTypeDefinition, Service } from '../../src-shared/model/catalog';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { WorkflowKind } from '../../src-shared/model/elementTypes';
import type { CatalogRepository } from '../storage/CatalogRepository';
import type { WorkflowRepository } from '../storage/WorkflowRepository';
import type { EventHub } from './EventHub';
import { parseStoredDocument } from './parseStoredDocument';

export interface TransferServiceDeps {
  readonly repository: WorkflowRepository;
  readonly catalog: CatalogRepository;
  readonly events: EventHub;
  readonly now: () => number;
  readonly newId: () => string;
}

/** Characters that some file system refuses in a name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAMES = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/** `<name>.baton.json`, with what a file system may refuse replaced by "-". */
export function exportFileName(name: string): string {
  const base = name
    .replace(/\s+/g, ' ')
    .replace(UNSAFE_IN_FILE_NAMES, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '');
  return `${base || 'workflow'}.baton.json`;
}

function importedName(ownName: string | undefined, kind: WorkflowKind): string {
  const trimmed = ownName?.trim();
  if (trimmed) return trimmed;
  return kind === 'flow' ? 'Imported flow' : 'Imported map';
}

/**
 * Import and export of Baton's JSON format (DESIGN.md §1: stable keys, ids preserved). In the
 * workspace a document's name lives on its workflow, so an imported document's `name` becomes the
 * workflow's name and an exported one gets the workflow's name back.
 */
export function createTransferHandlers(
  deps: TransferServiceDeps,
): Pick<Handlers, 'workflows.import' | 'workflows.export'> {
  const { repository, catalog, events, now, newId } = deps;

  return {
    /**
     * Reads the text with `loadDocument` (which trusts nothing in it) before anything is written;
     * the workflow and its draft are then created in one transaction.
     */
    'workflows.import': async ({ text, name, format }) => {
      const { document: read, report } =
        format === 'bpmn' ? await readBpmnText(text) : { document: readJsonText(text) };
      const { name: ownName, ...document } = read;
      const summary = repository.create({
        id: newId(),
        kind: document.kind,
        name: name ?? importedName(ownName, document.kind),
        document: JSON.stringify(document),
        now: now(),
      });
      // The services and event types the document brings join the workspace catalog; known ones
      // are kept as the workspace defines them.
      catalog.addMissing({
        services: document.catalog?.services ?? [],
        events: document.catalog?.events ?? [],
      });
      events.emit('workflows.changed', { id: summary.id, change: 'created' });
      return report ? { ...summary, importReport: [...report] } : summary;
    },

    /**
     * The draft in its saved form, with the workflow's name and the services and event types it
     * uses, taken from the workspace catalog (or from the document's own catalog for those the
     * workspace lacks), so the file can be checked and run on its own.
     */
    'workflows.export': ({ id }) => {
      const workflow = repository.get(id);
      const document = parseStoredDocument(id, repository.getDraft(id).document);
      const exported = catalogUsed(document, catalog.get());
      return {
        fileName: exportFileName(workflow.name),
        text: serializeDocument({
          ...document,
          name: workflow.name,
          ...(exported ? { catalog: exported } : {}),
        }),
      };
    },
  };
}

/** A Baton JSON document read without trusting it, or `invalid-input` naming the problem. */
function readJsonText(text: string): WorkflowDocument {
  const loaded = loadDocument(text);
  if (!loaded.ok) throw new BatonError('invalid-input', loaded.message, loaded.problems);
  return loaded.document;
}

/** A BPMN file read with `importBpmn` (which trusts nothing in it), with its import report. */
async function readBpmnText(
  text: string,
): Promise<{ document: WorkflowDocument; report: readonly ImportReportEntry[] }> {
  const imported = await importBpmn(text);
  if (!imported.ok) throw new BatonError('invalid-input', imported.message, imported.problems);
  return imported;
}

/** The catalog an exported document carries: absent when it uses no service and no event type. */
function catalogUsed(document: WorkflowDocument, workspace: Catalog): Catalog | undefined {
  const services = definitionsUsed(
    document.catalog?.services ?? [],
    servicesReferenced(document),
    workspace.services,
  );
  const events = definitionsUsed(
    document.catalog?.events ?? [],
    eventTypesReferenced(document),
    workspace.events ?? [],
  );
  if (services.length === 0 && events.length === 0) return undefined;
  return { services, ...(events.length > 0 ? { events } : {}) };
}

/** Services named by service tasks (flows) and service nodes (maps). */
function servicesReferenced(document: WorkflowDocument): Set<string> {
  const names = new Set<string>();
  for (const element of document.model.elements) {
    if ((element.type === 'serviceTask' || element.type === 'service') && element.service) {
      names.add(element.service);
    }
  }
  return names;
}

/** Event types named by event type nodes (maps), message start events, catches and throws. */
function eventTypesReferenced(document: WorkflowDocument): Set<string> {
  const names = new Set<string>();
  for (const element of document.model.elements) {
    switch (element.type) {
      case 'eventType':
      case 'startEvent':
      case 'messageCatch':
      case 'messageThrow':
        if (element.eventType) names.add(element.eventType);
        break;
      default:
        break;
    }
  }
  return names;
}

/**
 * The definitions a document uses: those of its own catalog in its order, then any others it
 * refers to by name, each as the workspace defines it, or as the document does where the
 * workspace lacks it. A name neither defines is left out (validation reports it).
 */
function definitionsUsed<T extends Service | EventTypeDefinition>(
  own: readonly T[],
  referenced: ReadonlySet<string>,
  workspace: readonly T[],
): T[] {
  const ownByName = new Map(own.map((definition) => [definition.name, definition]));
  const others = [...referenced].filter((name) => !ownByName.has(name)).sort();
  const shared = new Map(workspace.map((definition) => [definition.name, definition]));
  return [...ownByName.keys(), ...others].flatMap(
    (name) => shared.get(name) ?? ownByName.get(name) ?? [],
  );
}
