import { BatonError } from '../../src-shared/contract/errors';
import type { ElementMapping } from '../../src-shared/patterns/deriveShared';
import type { Workspace } from './openWorkspace';
import { assertWorkflowExists, parsedColumn } from './rowChecks';

interface LinkRow {
  derived_id: string;
  source_id: string;
  mapping: string;
  created_at: number;
}

/** A derived workflow, the workflow it was derived from, and what stands for what. */
export interface PatternLink {
  readonly derivedId: string;
  readonly sourceId: string;
  /** Source element id → the derived document's element ids that stand for it. */
  readonly mapping: ElementMapping;
  readonly createdAt: number;
}

/**
 * Which workflow each derived workflow came from (pattern lab), with the element mapping, so both
 * views can be highlighted together. A link goes when either workflow is deleted (both foreign
 * keys cascade). The mapping is checked when written and again when read.
 */
export class PatternLinkRepository {
  constructor(private readonly db: Workspace) {}

  /** Records that `derivedId` was derived from `sourceId`; a workflow is derived only once. */
  link(input: {
    derivedId: string;
    sourceId: string;
    mapping: ElementMapping;
    now: number;
  }): PatternLink {
    const problem = mappingProblem(input.mapping);
    if (problem) throw new BatonError('invalid-input', `the element mapping ${problem}`);
    if (input.derivedId === input.sourceId)
      throw new BatonError('invalid-input', 'a workflow cannot be derived from itself');
    for (const id of [input.derivedId, input.sourceId]) assertWorkflowExists(this.db, id);
    this.db
      .prepare(
        'INSERT INTO pattern_links (derived_id, source_id, mapping, created_at) VALUES (?, ?, ?, ?)',
      )
      .run(input.derivedId, input.sourceId, JSON.stringify(input.mapping), input.now);
    return {
      derivedId: input.derivedId,
      sourceId: input.sourceId,
      mapping: input.mapping,
      createdAt: input.now,
    };
  }

  /** The link of a derived workflow to its source, if it was derived. */
  derivedFrom(derivedId: string): PatternLink | undefined {
    const row = this.db
      .prepare<[string], LinkRow>('SELECT * FROM pattern_links WHERE derived_id = ?')
      .get(derivedId);
    return row && toLink(row);
  }

  /** The links of the workflows derived from `sourceId`, newest first. */
  derivedOf(sourceId: string): PatternLink[] {
    return this.db
      .prepare<[string], LinkRow>(
        'SELECT * FROM pattern_links WHERE source_id = ? ORDER BY created_at DESC, rowid DESC',
      )
      .all(sourceId)
      .map(toLink);
  }
}

/** What is wrong with a mapping read from JSON, or undefined when it is an `ElementMapping`. */
function mappingProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'is not an object';
  for (const [key, ids] of Object.entries(value)) {
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
      return `entry "${key}" is not a list of element ids`;
  }
  return undefined;
}

function toLink(row: LinkRow): PatternLink {
  const mapping = parsedColumn(row.mapping);
  const problem = mappingProblem(mapping);
  if (problem)
    throw new BatonError(
      'internal',
      `the element mapping of workflow ${row.derived_id} is not valid: it ${problem}`,
    );
  return {
    derivedId: row.derived_id,
    sourceId: row.source_id,
    mapping: mapping as ElementMapping,
    createdAt: row.created_at,
  };
}
