import type { Connection, Element } from '../model/document';
import { elementTypeInfo } from '../model/elementTypes';
import type { Diagnostic, Severity } from './Diagnostic';

/** What a diagnostic points to: an element, a connection, or (absent) the whole document. */
export type Subject = Element | Connection | undefined;

const isElement = (subject: Element | Connection): subject is Element => 'type' in subject;

/**
 * How a message names what it is about: `Service task "Charge card" (charge)`, `Path flow_3`,
 * `The flow`. The id is always there, since `baton validate` has no canvas. `whole` names the
 * document; `connectionKind` names a connection (a path in a flow, a reaction in a map).
 */
export function describeSubjectAs(
  subject: Subject,
  whole: string,
  connectionKind: (connection: Connection) => string,
): string {
  if (subject === undefined) return whole;
  const kind = isElement(subject) ? elementTypeInfo[subject.type].label : connectionKind(subject);
  const name = subject.name?.trim();
  return name ? `${kind} "${name}" (${subject.id})` : `${kind} ${subject.id}`;
}

/** A diagnostic from a catalogue entry: its severity and help, with this message and element. */
export function catalogued(
  code: string,
  entry: { readonly severity: Severity; readonly help: string },
  elementId: string | undefined,
  message: string,
): Diagnostic {
  const { severity, help } = entry;
  return elementId === undefined
    ? { code, severity, message, help }
    : { code, severity, message, elementId, help };
}
