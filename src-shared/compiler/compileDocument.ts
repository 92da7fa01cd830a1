import type { WorkflowDocument } from '../model/document';
import type { Diagnostic } from '../validation/Diagnostic';
import { compileFlow, serializeMachine } from './compileFlow';
import { compileMap, serializeCompiledMap } from './map/compileMap';

/**
 * Compiles a flow to its machine, or a map to its services, broker wiring and tracker, and gives
 * the result as the exact text that is stored and printed (null when it does not compile).
 * Compiling reads no catalog: what each step calls is written in the document.
 */
export function compileDocument(document: WorkflowDocument): {
  readonly text: string | null;
  readonly diagnostics: readonly Diagnostic[];
} {
  if (document.kind === 'map') {
    const { compiled, diagnostics } = compileMap(document);
    return { text: compiled ? serializeCompiledMap(compiled) : null, diagnostics };
  }
  const { machine, diagnostics } = compileFlow(document);
  return { text: machine ? serializeMachine(machine) : null, diagnostics };
}
