import { z } from 'zod';

/** Service and operation names are identifiers, so `Service.operation` is unambiguous. */
export const ServiceName = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
    'a service name is a letter followed by letters, digits, "_" or "-"',
  );
export const OperationName = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
    'an operation name is a letter followed by letters, digits, "_" or "-"',
  );

/** What a mock attempt does: see DESIGN.md §5 (`outcomes`). */
export const MockOutcome = z.enum(['ok', 'fail', 'timeout', 'hang', 'late-ok']);
export type MockOutcome = z.infer<typeof MockOutcome>;

export const Latency = z.union([
  z.number().int().nonnegative().max(3_600_000),
  z.strictObject({
    min: z.number().int().nonnegative().max(3_600_000),
    max: z.number().int().nonnegative().max(3_600_000),
  }),
]);
export type Latency = z.infer<typeof Latency>;

/** The default behaviour of an operation's mock, overridable per run by a scenario. */
export const MockBehaviour = z.strictObject({
  latencyMs: Latency,
  failRate: z.number().min(0).max(1),
  outcomes: z.array(MockOutcome).max(100).optional(),
  honoursIdempotency: z.boolean(),
});
export type MockBehaviour = z.infer<typeof MockBehaviour>;

export const Operation = z.strictObject({
  name: OperationName,
  description: z.string().max(2000).optional(),
  mock: MockBehaviour,
  /**
   * The operation of the same service that undoes this one (`reserve` → `release`): what the
   * consistency verdict expects to find when a transaction that performed this one is abandoned.
   */
  compensatedBy: OperationName.optional(),
});
export type Operation = z.infer<typeof Operation>;

export const Service = z
  .strictObject({
    name: ServiceName,
    description: z.string().max(2000).optional(),
    operations: z.array(Operation).max(500),
  })
  .superRefine((service, ctx) => {
    const names = new Set(service.operations.map((operation) => operation.name));
    service.operations.forEach((operation, index) => {
      const undo = operation.compensatedBy;
      if (undo === undefined || (names.has(undo) && undo !== operation.name)) return;
      ctx.addIssue({
        code: 'custom',
        path: ['operations', index, 'compensatedBy'],
        message:
          undo === operation.name
            ? `${service.name}.${operation.name} cannot undo itself`
            : `${service.name} has no operation "${undo}" to undo ${operation.name}`,
      });
    });
  });
export type Service = z.infer<typeof Service>;

/** The services catalog: which services exist, their operations and default mock behaviour. */
export const FieldType = z.enum(['string', 'number', 'boolean', 'object', 'array']);
export type FieldType = z.infer<typeof FieldType>;

/** One field of an event's payload. Every event also carries its instance's correlation id. */
export const PayloadField = z.strictObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a field name is an identifier'),
  type: FieldType,
  required: z.boolean(),
});
export type PayloadField = z.infer<typeof PayloadField>;

/** An event type of the events catalog: who owns it, what it carries, which version. */
export const EventTypeDefinition = z.strictObject({
  name: z
    .string()
    .regex(
      /^[A-Za-z][A-Za-z0-9_.-]{0,127}$/,
      'an event type is a letter followed by letters, digits, "_", "." or "-"',
    ),
  owner: ServiceName,
  version: z.number().int().positive(),
  description: z.string().max(2000).optional(),
  payload: z.strictObject({ fields: z.array(PayloadField).max(200) }),
});
export type EventTypeDefinition = z.infer<typeof EventTypeDefinition>;

/** The name every event carries besides its payload fields (DESIGN.md §1). */
export const CORRELATION_FIELD = 'correlationId';

export const Catalog = z.strictObject({
  services: z.array(Service).max(1000),
  /** The events catalog (choreography maps, and flows that publish or await events). */
  events: z.array(EventTypeDefinition).max(5000).optional(),
});
export type Catalog = z.infer<typeof Catalog>;

export const emptyCatalog: Catalog = { services: [] };

/** The typical latency of a mock, in milliseconds (the middle of a range). */
export function typicalLatencyMs(behaviour: MockBehaviour): number {
  const { latencyMs } = behaviour;
  return typeof latencyMs === 'number' ? latencyMs : (latencyMs.min + latencyMs.max) / 2;
}

/** Looks up `Service.operation` in a catalog. */
export function findOperation(catalog: Catalog, service: string, operation: string) {
  return catalog.services
    .find((s) => s.name === service)
    ?.operations.find((o) => o.name === operation);
}
