import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument } from '../../src-shared/format/loadDocument';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { WorkflowRepository } from '../storage/WorkflowRepository';
import { parseStoredDocument } from '../services/parseStoredDocument';
import type { FlowReference, FlowResolver } from './definition';

/** A flow's name as a reference may spell it: `Customs clearance` → `customs-clearance`. */
export const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Flows of the workspace, by id or by the slug of their name. A version number is that saved
 * version; `latest` is the newest saved version, or the draft when none was saved yet.
 */
export function workspaceResolver(repository: WorkflowRepository): FlowResolver {
  return (reference: FlowReference) => {
    const match = repository
      .list('')
      .find(
        (workflow) =>
          workflow.id === reference.flowId || slugOf(workflow.name) === reference.flowId,
      );
    if (!match || match.kind !== 'flow') return undefined;
    try {
      if (reference.version === 'latest' && match.versionCount === 0) {
        return parseStoredDocument(match.id, repository.getDraft(match.id).document, 'draft');
      }
      const number = reference.version === 'latest' ? undefined : reference.version;
      const stored = repository.getVersion(match.id, number);
      return parseStoredDocument(match.id, stored.document, `version ${stored.version.number}`);
    } catch {
      return undefined;
    }
  };
}

/**
 * Flows next to a document on disk: `<folder>/<flowId>.json` or `.baton.json` (a file holds one
 * version of its flow, so any version number resolves to it).
 */
export function folderResolver(folder: string): FlowResolver {
  return (reference: FlowReference) => {
    for (const name of [`${reference.flowId}.baton.json`, `${reference.flowId}.json`]) {
      const path = join(folder, name);
      if (!existsSync(path)) continue;
      const loaded = loadDocument(readFileSync(path, 'utf8'));
      if (loaded.ok) return loaded.document;
    }
    return undefined;
  };
}

/** The first resolver that finds the flow. */
export function firstOf(...resolvers: FlowResolver[]): FlowResolver {
  return (reference) => {
    for (const resolve of resolvers) {
      const found: WorkflowDocument | undefined = resolve(reference);
      if (found) return found;
    }
    return undefined;
  };
}
