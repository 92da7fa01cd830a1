import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../src-shared/contract/contract';
import { BatonError } from '../../src-shared/contract/errors';
import { loadDocument } from '../../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { deriveFlow } from '../../src-shared/patterns/deriveFlow';
import { deriveMap } from '../../src-shared/patterns/deriveMap';
import { invertMapping } from '../../src-shared/patterns/linkedElements';
import { compareDocuments } from '../patterns/compare';
import { workspaceResolver } from '../runtime/flowResolvers';
import type { CatalogRepository } from '../storage/CatalogRepository';
import type { PatternLinkRepository } from '../storage/PatternLinkRepository';
import type { WorkflowRepository } from '../storage/WorkflowRepository';
import type { EventHub } from './EventHub';

export interface PatternServiceDeps {
  readonly repository: WorkflowRepository;
  readonly catalog: CatalogRepository;
  readonly links: PatternLinkRepository;
  readonly events: EventHub;
  /** The Baton JSON export of a draft: named after its workflow, with the catalog it uses. */
  readonly exportDocument: Handlers['workflows.export'];
  readonly now: () => number;
  readonly newId?: () => string;
}

const MAX_NAME = 120;

/**
 * The pattern lab behind the contract: derive the other style of a draft (keeping the link between
 * the two), find a workflow's counterpart, compare two drafts.
 */
export function createPatternHandlers(
  deps: PatternServiceDeps,
): Pick<
  Handlers,
  'patterns.derive' | 'patterns.counterpart' | 'patterns.compare' | 'patterns.cancelCompare'
> {
  const { repository, catalog, links, events, now } = deps;
  const newId = deps.newId ?? randomUUID;
  /** Comparisons that have a ticket and are still running. */
  const running = new Map<string, AbortController>();

  /** The draft as exported: its workflow's name and the services and events it uses. */
  const draftOf = async (id: string): Promise<WorkflowDocument> => {
    const exported = await deps.exportDocument({ id });
    const loaded = loadDocument(exported.text);
    if (!loaded.ok)
      throw new BatonError('internal', `the draft of ${id} cannot be read: ${loaded.message}`);
    return loaded.document;
  };

  return {
    /**
     * Derives a map from a flow or a flow from a map and stores it as a new workflow, with the
     * catalog entries it uses and its link to the source, all in one transaction.
     */
    'patterns.derive': async ({ id }) => {
      const source = repository.get(id);
      const document = await draftOf(id);
      let derived;
      try {
        derived = document.kind === 'flow' ? deriveMap(document) : deriveFlow(document);
      } catch (error) {
        throw new BatonError(
          'invalid-input',
          `${source.name} cannot be derived: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const { name: _ownName, ...stored } = derived.document;
      const suffix = document.kind === 'flow' ? ' (choreography)' : ' (orchestration)';
      const derivedId = newId();
      const at = now();
      const workflow = repository.create(
        {
          id: derivedId,
          kind: stored.kind,
          name: `${source.name.slice(0, MAX_NAME - suffix.length)}${suffix}`,
          document: JSON.stringify(stored),
          now: at,
        },
        () => {
          catalog.addMissing({
            services: stored.catalog?.services ?? [],
            events: stored.catalog?.events ?? [],
          });
          // The flow's compensations, which the map's catalog carries, so its verdict knows them.
          catalog.addMissingUndos(stored.catalog?.services ?? []);
          links.link({ derivedId, sourceId: id, mapping: derived.mapping, now: at });
        },
      );
      events.emit('workflows.changed', { id: workflow.id, change: 'created' });
      return { workflow, mapping: derived.mapping, report: [...derived.report] };
    },

    /**
     * The workflow this one was derived from, else the newest one derived from it, with the
     * mapping turned to read from this workflow's elements.
     */
    'patterns.counterpart': ({ id }) => {
      repository.get(id);
      const from = links.derivedFrom(id);
      if (from)
        return {
          workflow: repository.get(from.sourceId),
          role: 'source',
          mapping: invertMapping(from.mapping),
        };
      const [newest] = links.derivedOf(id);
      if (!newest) return null;
      return {
        workflow: repository.get(newest.derivedId),
        role: 'derived',
        mapping: newest.mapping,
      };
    },

    /** Both drafts with the workspace catalog, run by the real runtime in a scratch workspace. */
    'patterns.compare': async ({ a, b, ticket, seed, runs }) => {
      repository.get(a);
      repository.get(b);
      if (a === b)
        throw new BatonError('invalid-input', 'compare needs two different flows or maps');
      if (ticket !== undefined && running.has(ticket))
        throw new BatonError('conflict', `a comparison with ticket ${ticket} is already running`);
      const resolve = workspaceResolver(repository);
      const inputOf = async (id: string) => ({
        document: await draftOf(id),
        file: repository.get(id).name,
        resolve,
      });
      const controller = new AbortController();
      if (ticket !== undefined) running.set(ticket, controller);
      try {
        return await compareDocuments(await inputOf(a), await inputOf(b), {
          ...(seed === undefined ? {} : { seed }),
          ...(runs === undefined ? {} : { runs }),
          signal: controller.signal,
          ...(ticket === undefined
            ? {}
            : {
                onProgress: (progress) => events.emit('patterns.progress', { ticket, ...progress }),
              }),
        });
      } finally {
        if (ticket !== undefined) running.delete(ticket);
      }
    },

    'patterns.cancelCompare': ({ ticket }) => {
      const controller = running.get(ticket);
      controller?.abort();
      return Promise.resolve({ cancelled: controller !== undefined });
    },
  };
}
