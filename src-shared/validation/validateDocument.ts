import type { WorkflowDocument } from '../model/document';
import type { Diagnostic, FlowContext } from './Diagnostic';
import { validateMap } from './map/validateMap';
import { validateFlow } from './validateFlow';

/**
 * Checks any Baton document: an orchestration flow with `validateFlow` (FLOW codes), a
 * choreography map with `validateMap` (CHOR codes). What the canvas, the problems panel and
 * `baton validate` call; never throws on a user's mistake, and the result is sorted by code,
 * then element id, then message.
 */
export function validateDocument(doc: WorkflowDocument, context: FlowContext): Diagnostic[] {
  return doc.kind === 'map' ? validateMap(doc, context) : validateFlow(doc, context);
}
