import { z } from 'zod';

/** Orders the keys of a record (a `z.record`), given the keys it has. */
export type RecordKeyOrder = (keys: readonly string[]) => readonly string[];

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (keys: readonly string[]) => [...keys].sort(byCodePoint);

/** What `orderKeys` needs to know about a schema, worked out once per schema. */
type Plan =
  | { readonly kind: 'array'; readonly element: z.core.$ZodType }
  | { readonly kind: 'record'; readonly value: z.core.$ZodType }
  | {
      readonly kind: 'object';
      readonly fields: ReadonlyMap<string, z.core.$ZodType>;
    }
  | {
      readonly kind: 'union';
      readonly choose: (object: Record<string, unknown>) => Plan | undefined;
    }
  | { readonly kind: 'unknown' };

const plans = new WeakMap<z.core.$ZodType, Plan>();

/**
 * A copy of `value` whose objects list their keys in the order `schema` declares them, so that
 * the order in a saved file follows the schema and not the history of edits. Keys the schema does
 * not know come after the known ones, sorted; records are ordered by `recordKeyOrder` (sorted by
 * default); values the schema does not describe have their keys sorted. `undefined` properties are
 * dropped. Keys are defined as own properties, so none (`__proto__` included) reaches a prototype.
 */
export function orderKeys(
  schema: z.core.$ZodType,
  value: unknown,
  recordKeyOrder: RecordKeyOrder = sorted,
): unknown {
  return orderByPlan(planOf(schema), value, recordKeyOrder);
}

function orderByPlan(plan: Plan, value: unknown, recordKeyOrder: RecordKeyOrder): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (plan.kind !== 'array') return sortKeysDeeply(value);
    const element = planOf(plan.element);
    return value.map((item: unknown) => orderByPlan(element, item, recordKeyOrder));
  }
  const object = value as Record<string, unknown>;
  switch (plan.kind) {
    case 'union': {
      const option = plan.choose(object);
      return option ? orderByPlan(option, value, recordKeyOrder) : sortKeysDeeply(value);
    }
    case 'record': {
      const valuePlan = planOf(plan.value);
      const copy: Record<string, unknown> = {};
      for (const key of recordKeyOrder(Object.keys(object))) {
        const child = ownValue(object, key);
        if (child !== undefined) setOwn(copy, key, orderByPlan(valuePlan, child, recordKeyOrder));
      }
      return copy;
    }
    case 'object': {
      const copy: Record<string, unknown> = {};
      for (const [key, fieldSchema] of plan.fields) {
        const child = ownValue(object, key);
        if (child !== undefined)
          setOwn(copy, key, orderByPlan(planOf(fieldSchema), child, recordKeyOrder));
      }
      const unknownKeys = Object.keys(object).filter((key) => !plan.fields.has(key));
      for (const key of sorted(unknownKeys)) {
        const child = object[key];
        if (child !== undefined) setOwn(copy, key, sortKeysDeeply(child));
      }
      return copy;
    }
    default:
      return sortKeysDeeply(value);
  }
}

/** The plan of a schema, from the cache or worked out now (children are planned when reached). */
function planOf(schema: z.core.$ZodType): Plan {
  let plan = plans.get(schema);
  if (!plan) {
    plan = makePlan(schema);
    plans.set(schema, plan);
  }
  return plan;
}

function makePlan(schema: z.core.$ZodType): Plan {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return planOf(schema.unwrap());
  }
  if (schema instanceof z.ZodPipe) return planOf(schema.out);
  if (schema instanceof z.ZodArray) return { kind: 'array', element: schema.element };
  if (schema instanceof z.ZodRecord) return { kind: 'record', value: schema.valueType };
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.core.$ZodType>;
    return { kind: 'object', fields: new Map(Object.entries(shape)) };
  }
  if (schema instanceof z.ZodUnion) return { kind: 'union', choose: chooserOf(schema) };
  return { kind: 'unknown' };
}

/**
 * Picks the union member that describes an object: by the discriminator for a discriminated
 * union, otherwise the first object member that declares every key the object has.
 */
function chooserOf(union: z.ZodUnion): (object: Record<string, unknown>) => Plan | undefined {
  const objects = union.options.filter(
    (option): option is z.ZodObject => option instanceof z.ZodObject,
  );
  const discriminator = (union.def as { discriminator?: string }).discriminator;
  if (discriminator !== undefined) {
    const byTag = new Map<unknown, Plan>();
    for (const option of objects) {
      const literal: unknown = option.shape[discriminator];
      if (!(literal instanceof z.ZodLiteral)) continue;
      for (const tag of literal.values as Set<unknown>) byTag.set(tag, planOf(option));
    }
    return (object) => byTag.get(object[discriminator]);
  }
  return (object) => {
    const keys = Object.keys(object);
    const option = objects.find((candidate) =>
      keys.every((key) => Object.hasOwn(candidate.shape, key)),
    );
    return option ? planOf(option) : undefined;
  };
}

/** Sets an own property, even for the key `__proto__` (which assignment would take as the prototype). */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    object[key] = value;
  }
}

/** `object[key]` when `object` has it as its own property, else `undefined`. */
function ownValue(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** A copy of `value` with every object's keys sorted. */
function sortKeysDeeply(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeeply);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of sorted(Object.keys(object))) {
    const child = object[key];
    if (child !== undefined) setOwn(copy, key, sortKeysDeeply(child));
  }
  return copy;
}
