import { z } from 'zod';

/**
 * Element ids are stable, human-readable and safe to use as object keys: they may not start with
 * two underscores, which rules out `__proto__` and friends in JSON coming from outside.
 */
export const ElementId = z
  .string()
  .regex(
    /^(?!__)[A-Za-z_][A-Za-z0-9_.-]{0,127}$/,
    'an element id starts with a letter or "_", holds only letters, digits, "_", "-", "." and is at most 128 characters',
  );
export type ElementId = z.infer<typeof ElementId>;

/** Workflow ids are UUIDs made by the main side. */
export const WorkflowId = z.uuid();
export type WorkflowId = z.infer<typeof WorkflowId>;

/**
 * Makes a readable id for a new element from its type, unique within `taken`
 * (`serviceTask_1`, `serviceTask_2`…).
 */
export function nextElementId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const candidate = `${prefix}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
