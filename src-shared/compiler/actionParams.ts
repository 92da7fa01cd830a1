/** The static params of a named action or guard in a compiled machine. */
export type Params = Record<string, unknown>;

/** One param of an action or guard, whatever XState hands over. */
export const param = (params: unknown, key: string) => (params as Params | undefined)?.[key];

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
