import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyCommand, type Command } from '../../src-shared/editing/commands';
import { loadDocument } from '../../src-shared/format/loadDocument';
import { WorkflowDocument, type WorkflowDocumentInput } from '../../src-shared/model/document';
import { boxOf, overlaps, type Box } from '../../src-renderer/layout/geometry';

/**
 * One of the example documents shipped in `assets/examples`, read as a file would be (tests run
 * from the repository's root).
 */
export function loadExample(name: string): WorkflowDocument {
  const loaded = loadDocument(readFileSync(join('assets/examples', `${name}.json`), 'utf8'));
  if (!loaded.ok) throw new Error(`${name}: ${loaded.message}`);
  return loaded.document;
}

/** The document with a command applied, or the same document when there is none. */
export function applied(doc: WorkflowDocument, command: Command | null): WorkflowDocument {
  return command ? applyCommand(doc, command) : doc;
}

/** Every element's box, by id. */
export function boxesOf(doc: WorkflowDocument): Map<string, Box> {
  return new Map(
    doc.model.elements.flatMap((element) => {
      const box = boxOf(doc, element);
      return box ? [[element.id, box] as const] : [];
    }),
  );
}

/**
 * Pairs of elements whose boxes overlap, leaving out the overlaps that are meant: a boundary event
 * on its task, and a sub-process around its contents.
 */
export function overlappingPairs(doc: WorkflowDocument): string[] {
  const byId = new Map(doc.model.elements.map((element) => [element.id, element]));
  const meant = (a: string, b: string) => {
    const first = byId.get(a)!;
    const second = byId.get(b)!;
    return (
      (first.type === 'boundaryEvent' && first.attachedTo === b) ||
      (second.type === 'boundaryEvent' && second.attachedTo === a) ||
      first.parent === b ||
      second.parent === a ||
      (first.type === 'boundaryEvent' && byId.get(first.attachedTo)?.parent === b) ||
      (second.type === 'boundaryEvent' && byId.get(second.attachedTo)?.parent === a)
    );
  };
  const boxes = [...boxesOf(doc).values()];
  const pairs: string[] = [];
  boxes.forEach((a, index) => {
    for (const b of boxes.slice(index + 1)) {
      if (overlaps(a, b) && !meant(a.id, b.id)) pairs.push(`${a.id} × ${b.id}`);
    }
  });
  return pairs;
}

/** Connections that lie on a cycle (the target leads back to the source). */
export function loopConnections(doc: WorkflowDocument): Set<string> {
  const next = new Map<string, string[]>();
  for (const { source, target } of doc.model.connections) {
    next.set(source, [...(next.get(source) ?? []), target]);
  }
  const reaches = (from: string, to: string) => {
    const seen = new Set<string>();
    const pending = [from];
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      if (id === to) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      pending.push(...(next.get(id) ?? []));
    }
    return false;
  };
  return new Set(
    doc.model.connections
      .filter((connection) => reaches(connection.target, connection.source))
      .map((connection) => connection.id),
  );
}

/**
 * A flow with an embedded sub-process holding a small flow of its own, a task with an error
 * boundary event inside it, a timer boundary event on the sub-process, and an annotation.
 * Everything starts piled up near the origin; the sub-process is drawn at 900 × 400.
 */
export function nestedFlow(): WorkflowDocument {
  const element = (type: string, id: string, extra: object = {}) => ({
    type,
    id,
    name: id,
    ...extra,
  });
  const ids = ['start', 'sub', 'end', 's1', 't1', 'b1', 't2', 'e1', 'e2', 'n1', 'b2', 'late'];
  const input: WorkflowDocumentInput | object = {
    formatVersion: 1,
    kind: 'flow',
    model: {
      elements: [
        element('startEvent', 'start'),
        element('subProcess', 'sub'),
        element('endEvent', 'end'),
        element('startEvent', 's1', { parent: 'sub' }),
        element('serviceTask', 't1', { parent: 'sub' }),
        element('boundaryEvent', 'b1', { parent: 'sub', attachedTo: 't1', trigger: 'error' }),
        element('serviceTask', 't2', { parent: 'sub' }),
        element('endEvent', 'e1', { parent: 'sub' }),
        element('endEvent', 'e2', { parent: 'sub' }),
        element('annotation', 'n1', { parent: 'sub', text: 'Retried twice', annotates: 't2' }),
        element('boundaryEvent', 'b2', {
          attachedTo: 'sub',
          trigger: 'timer',
          timer: { durationMs: 60_000 },
        }),
        element('serviceTask', 'late'),
      ],
      connections: [
        ['start', 'sub'],
        ['sub', 'end'],
        ['s1', 't1'],
        ['t1', 't2'],
        ['t2', 'e1'],
        ['b1', 'e2'],
        ['b2', 'late'],
        ['late', 'end'],
      ].map(([source, target], index) => ({ id: `c${index + 1}`, source, target })),
    },
    diagram: {
      shapes: Object.fromEntries(
        ids.map((id, index) => [
          id,
          { x: index * 10, y: index * 5, ...(id === 'sub' ? { width: 900, height: 400 } : {}) },
        ]),
      ),
    },
  };
  return WorkflowDocument.parse(input);
}
