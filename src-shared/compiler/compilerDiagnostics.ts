import type { Diagnostic, Severity } from '../validation/Diagnostic';

/**
 * What stops a flow (`COMP`) or a map (`MAP`) from compiling. Validation reports most of these
 * earlier, with more detail.
 */
export const compilerCodes = {
  COMP001: {
    severity: 'error',
    help: 'Only orchestration flows compile to one machine; maps compile per service.',
  },
  COMP002: { severity: 'error', help: 'Add one start event at the top level of the flow.' },
  COMP003: {
    severity: 'error',
    help: 'Keep one start event at the top level; use a message or timer start for other triggers.',
  },
  COMP004: {
    severity: 'error',
    help: 'Give the element one outgoing path, or put a gateway after it to choose or fork.',
  },
  COMP005: {
    severity: 'error',
    help: 'Make every branch of a parallel fork meet at one parallel join.',
  },
  COMP006: {
    severity: 'error',
    help: 'Lead each parallel branch to its join; end the flow after the join.',
  },
  COMP007: { severity: 'error', help: 'Give the sub-process exactly one start event inside it.' },
  MAP001: {
    severity: 'error',
    help: 'Only choreography maps compile per service; compile an orchestration flow as a flow.',
  },
  MAP002: {
    severity: 'error',
    help: 'Put a reaction only on an edge from an event type to the service that reacts to it.',
  },
  MAP003: {
    severity: 'error',
    help: 'List only event types drawn on this map among the events a reaction emits.',
  },
  MAP004: {
    // An error, as in validation (CHOR003, CHOR004): a map that cannot mean what it shows does not compile.
    severity: 'error',
    help: 'Draw publish edges from a service to an event type; give edges from an event type to a service a reaction.',
  },
} as const satisfies Record<string, { severity: Severity; help: string }>;

export type CompilerCode = keyof typeof compilerCodes;

export function compilerDiagnostic(
  code: CompilerCode,
  message: string,
  elementId?: string,
): Diagnostic {
  const { severity, help } = compilerCodes[code];
  return elementId === undefined
    ? { code, severity, message, help }
    : { code, severity, message, elementId, help };
}
