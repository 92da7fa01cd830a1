import { ElementId } from '../../model/ids';

/** The words of a text, for building identifiers from names (`"Check order"` → `Check`, `order`). */
function words(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
}

/** A name as an event type (`"Order placed"` → `OrderPlaced`), or `undefined` when it has no letters. */
export function toEventTypeName(text: string | undefined): string | undefined {
  if (text !== undefined && /^[A-Za-z][A-Za-z0-9_.-]{0,127}$/.test(text)) return text;
  const joined = words(text ?? '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
  const name = /^[A-Za-z]/.test(joined) ? joined : joined ? `E${joined}` : '';
  return name ? name.slice(0, 128) : undefined;
}

/** A name as an operation name (`"Check order"` → `checkOrder`), or `undefined`. */
export function toOperationName(text: string | undefined): string | undefined {
  const joined = words(text ?? '')
    .map((word, index) =>
      index === 0 ? word[0]!.toLowerCase() + word.slice(1) : word[0]!.toUpperCase() + word.slice(1),
    )
    .join('');
  const name = /^[A-Za-z]/.test(joined) ? joined : joined ? `op${joined}` : '';
  return name ? name.slice(0, 64) : undefined;
}

/** Is this BPMN id usable as a Baton element id as it is? */
export function isBatonId(id: string): boolean {
  return ElementId.safeParse(id).success;
}

/**
 * A valid Baton id made from a BPMN id that is not one, unique within `taken` (which it joins):
 * characters Baton does not allow become `_`, a leading non-letter gets an `id_` prefix, and the
 * result is cut to 120 characters before a number is added where needed.
 */
export function repairId(id: string, taken: Set<string>): string {
  let base = id.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^_+/, '_');
  if (!/^[A-Za-z_]/.test(base) || base === '_' || base === '') base = `id_${base}`;
  base = base.slice(0, 120);
  let candidate = base;
  for (let n = 2; taken.has(candidate) || !isBatonId(candidate); n += 1) candidate = `${base}_${n}`;
  taken.add(candidate);
  return candidate;
}
