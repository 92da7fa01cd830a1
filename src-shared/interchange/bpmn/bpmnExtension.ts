import type { ModdleElement } from 'bpmn-moddle';
import { parseJsonSafely } from '../../format/parseJsonSafely';

/** The XML namespace of Baton's BPMN extension (`xmlns:baton`). */
export const BATON_NAMESPACE = 'https://baton.dev/schema/bpmn/1';

/**
 * Ids Baton makes up for BPMN-only elements (process, pool, messages, DI): a Baton element id
 * cannot start with two underscores, so they never collide with one.
 */
export const GENERATED_ID_PREFIX = '__baton_';

/** The extension element that holds one element's or connection's Baton properties as JSON. */
export const PROPERTIES_TAG = 'baton:properties';
/** The extension element that holds the document's own properties as JSON. */
export const DOCUMENT_TAG = 'baton:document';

/**
 * What a document keeps beside its elements in the extension of its process or collaboration:
 * what BPMN has no place for (the catalog, the broker) and what makes the way back exact (the
 * order of elements and connections; shapes drawn at their type's default size and connections
 * without waypoints, which the export had to give a size or a route).
 */
export interface DocumentExtension {
  readonly formatVersion?: unknown;
  readonly kind?: unknown;
  readonly name?: unknown;
  readonly catalog?: unknown;
  readonly broker?: unknown;
  readonly elementOrder?: unknown;
  readonly connectionOrder?: unknown;
  readonly defaultSizes?: unknown;
  readonly defaultRoutes?: unknown;
}

/**
 * The JSON object held by an element's `baton:*` extension element of the given tag, or
 * `undefined` when it has none; `{ problem }` when the JSON cannot be read.
 */
export function readExtensionJson(
  element: ModdleElement,
  tag: string,
): { value: Record<string, unknown> } | { problem: string } | undefined {
  const extensions = element.extensionElements as ModdleElement | undefined;
  const values = (extensions?.values ?? []) as readonly ModdleElement[];
  const holder = values.find((value) => value.$type === tag);
  if (!holder) return undefined;
  const parsed = parseJsonSafely(holder.$body ?? '', { maxLength: 5_000_000 });
  if (!parsed.ok) return { problem: `its ${tag} is not JSON: ${parsed.problem.message}` };
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { problem: `its ${tag} is not a JSON object` };
  }
  return { value: value as Record<string, unknown> };
}

/** The names of the vendor extension elements and attributes of an element (not Baton's own). */
export function foreignExtensions(element: ModdleElement): string[] {
  const extensions = element.extensionElements as ModdleElement | undefined;
  const values = (extensions?.values ?? []) as readonly ModdleElement[];
  const names = values
    .map((value) => value.$type)
    .filter((type) => !type.startsWith('baton:'))
    .map((type) => `<${type}>`);
  for (const name of Object.keys(element.$attrs ?? {})) {
    if (!name.startsWith('xmlns') && !name.startsWith('baton:') && name.includes(':')) {
      names.push(`@${name}`);
    }
  }
  return [...new Set(names)];
}
