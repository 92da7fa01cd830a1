import { z } from 'zod';
import { ElementId } from './ids';
import { ElementType, WorkflowKind } from './elementTypes';

/** The version of the saved JSON format; bumped on every incompatible change. */
export const FORMAT_VERSION = 1;

const MAX_ELEMENTS = 100_000;
/** The longest name an element may have. */
export const MAX_NAME_LENGTH = 200;
const coordinate = z.number().finite().min(-1e7).max(1e7);

export const Element = z.strictObject({
  id: ElementId,
  type: ElementType,
  name: z.string().max(MAX_NAME_LENGTH),
});
export type Element = z.infer<typeof Element>;

export const Connection = z.strictObject({
  id: ElementId,
  source: ElementId,
  target: ElementId,
});
export type Connection = z.infer<typeof Connection>;

export const Shape = z.strictObject({ x: coordinate, y: coordinate });
export type Shape = z.infer<typeof Shape>;

/**
 * A flow or map document. The model (what the workflow means) and the diagram (where things are
 * drawn) are kept apart so that moving a shape never touches the model.
 */
export const WorkflowDocument = z
  .strictObject({
    formatVersion: z.literal(FORMAT_VERSION),
    kind: WorkflowKind,
    model: z.strictObject({
      elements: z.array(Element).max(MAX_ELEMENTS),
      connections: z.array(Connection).max(MAX_ELEMENTS),
    }),
    diagram: z.strictObject({
      shapes: z.preprocess(
        (value, ctx) => {
          // JSON.parse makes "__proto__" an own key; zod's record would drop it without a word.
          if (value !== null && typeof value === 'object' && Object.hasOwn(value, '__proto__')) {
            ctx.addIssue({ code: 'custom', message: '"__proto__" is not an element id' });
          }
          return value;
        },
        z.record(ElementId, Shape),
      ),
    }),
  })
  .superRefine((doc, ctx) => {
    const ids = new Set<string>();
    for (const item of [...doc.model.elements, ...doc.model.connections]) {
      if (ids.has(item.id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${item.id}"` });
      ids.add(item.id);
    }
    const elementIds = new Set(doc.model.elements.map((element) => element.id));
    for (const connection of doc.model.connections) {
      for (const end of [connection.source, connection.target]) {
        if (!elementIds.has(end)) {
          ctx.addIssue({
            code: 'custom',
            message: `connection "${connection.id}" points to unknown element "${end}"`,
          });
        }
      }
    }
    for (const id of Object.keys(doc.diagram.shapes)) {
      if (!elementIds.has(id)) {
        ctx.addIssue({
          code: 'custom',
          message: `the diagram has a shape for unknown element "${id}"`,
        });
      }
    }
  });
export type WorkflowDocument = z.infer<typeof WorkflowDocument>;

/** An empty document of the given kind. */
export function createEmptyDocument(kind: WorkflowKind): WorkflowDocument {
  return {
    formatVersion: FORMAT_VERSION,
    kind,
    model: { elements: [], connections: [] },
    diagram: { shapes: {} },
  };
}
