import { z } from 'zod';
import { Catalog } from './catalog';
import { WorkflowKind } from './elementTypes';
import { Connection, Element } from './elements';
import { ElementId } from './ids';

export { Connection, Element, MAX_NAME_LENGTH, Reaction } from './elements';
export type { ElementOf } from './elements';

/** The version of the saved JSON format; bumped on every incompatible change. */
export const FORMAT_VERSION = 1;

const MAX_ELEMENTS = 100_000;
const coordinate = z.number().finite().min(-1e7).max(1e7);
const size = z.number().finite().positive().max(1e6);

export const Shape = z.strictObject({
  x: coordinate,
  y: coordinate,
  width: size.optional(),
  height: size.optional(),
  /**
   * A sub-process drawn collapsed: at a task's size, its contents hidden. `width` and `height`
   * stay its expanded size, so expanding it gives that back.
   */
  collapsed: z.boolean().optional(),
});
export type Shape = z.infer<typeof Shape>;

export const EdgeRoute = z.strictObject({
  waypoints: z.array(z.strictObject({ x: coordinate, y: coordinate })).max(1000),
});
export type EdgeRoute = z.infer<typeof EdgeRoute>;

/** How a map's broker delivers events (defaults a run's scenario may override). */
export const Broker = z.strictObject({
  delivery: z.enum(['at-least-once', 'at-most-once', 'exactly-once']),
  /** Share of deliveries that arrive twice. */
  duplicateRate: z.number().min(0).max(1),
  /** Payload field whose value keeps events in order (per key). */
  orderingKey: z.string().max(100).optional(),
  /** Deliveries of one event before it goes to the dead-letter queue. */
  maxDeliveries: z.number().int().min(1).max(100),
  deadLetterQueue: z.boolean(),
});
export type Broker = z.infer<typeof Broker>;

/**
 * How the broker delivers when a map sets nothing: at least once, no duplicates injected, five
 * deliveries before an event is dead-lettered. The compiler, validation and runtime all read it.
 */
export const DEFAULT_BROKER: Readonly<Broker> = {
  delivery: 'at-least-once',
  duplicateRate: 0,
  maxDeliveries: 5,
  deadLetterQueue: true,
};

/** A record keyed by element id that reports a `__proto__` key instead of dropping it. */
const elementRecord = <T extends z.ZodType>(value: T) =>
  z.preprocess(
    (input, ctx) => {
      // JSON.parse makes "__proto__" an own key; zod's record would drop it without a word.
      if (input !== null && typeof input === 'object' && Object.hasOwn(input, '__proto__')) {
        ctx.addIssue({ code: 'custom', message: '"__proto__" is not an element id' });
      }
      return input;
    },
    z.record(ElementId, value),
  );

/**
 * A flow or map document. The model (what the workflow means) and the diagram (where things are
 * drawn) are kept apart so that moving a shape never touches the model. A document saved to a
 * file may carry the services it uses (`catalog`), so that it can be checked on its own.
 */
export const WorkflowDocument = z
  .strictObject({
    formatVersion: z.literal(FORMAT_VERSION),
    kind: WorkflowKind,
    name: z.string().max(120).optional(),
    model: z.strictObject({
      elements: z.array(Element).max(MAX_ELEMENTS),
      connections: z.array(Connection).max(MAX_ELEMENTS),
    }),
    diagram: z.strictObject({
      shapes: elementRecord(Shape),
      edges: elementRecord(EdgeRoute).optional(),
    }),
    catalog: Catalog.optional(),
    /** Choreography maps: how the broker delivers events. */
    broker: Broker.optional(),
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
/** A document as it may be written by hand: defaults not yet filled in. */
export type WorkflowDocumentInput = z.input<typeof WorkflowDocument>;

/** An empty document of the given kind. */
export function createEmptyDocument(kind: WorkflowKind): WorkflowDocument {
  return {
    formatVersion: FORMAT_VERSION,
    kind,
    model: { elements: [], connections: [] },
    diagram: { shapes: {} },
  };
}
