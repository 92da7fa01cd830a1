import { basename } from 'node:path';
import type { WorkflowDocument } from '../../src-shared/model/document';
import type { FlowContext } from '../../src-shared/validation/Diagnostic';

/** The version a flow file stands for: a file holds one version of its flow. */
export const FILE_FLOW_VERSION = 1;

/**
 * The id a flow file is referenced by outside a workspace: its file name without the folder and
 * without `.baton.json`, `.json` or `.bpmn` (`assets/examples/customs-clearance.json` is
 * `customs-clearance`).
 */
export function flowIdOfFile(path: string): string {
  return basename(path).replace(/(\.baton)?\.json$|\.bpmn2?$/i, '');
}

/**
 * What `baton validate` knows about the flows a document starts (a map's `startsFlow`) or calls
 * (a flow's call activities): the flow documents given on the same command line, each as version
 * 1 of the flow its file name names. A reference to one of them is checked (an unknown version is
 * reported); a reference to a flow not on the command line is not checked, since the command line
 * is all `baton validate` knows of the workspace.
 */
export function commandLineFlows(
  flowFiles: readonly string[],
): (document: WorkflowDocument) => FlowContext['flowVersions'] {
  const given = new Set(flowFiles.map(flowIdOfFile));
  return (document) => (flowId) =>
    given.has(flowId) ? [FILE_FLOW_VERSION] : versionsReferenced(document, flowId);
}

/**
 * The versions of a flow the document refers to, and version 1 (so that `latest` holds): what a
 * flow not on the command line is taken to have, so that its references pass unchecked.
 */
function versionsReferenced(document: WorkflowDocument, flowId: string): number[] {
  const versions = new Set([FILE_FLOW_VERSION]);
  for (const element of document.model.elements) {
    if (element.type === 'callActivity' && element.flowId === flowId) {
      if (typeof element.version === 'number') versions.add(element.version);
    }
  }
  for (const connection of document.model.connections) {
    const started = connection.reaction?.startsFlow;
    if (started?.flowId === flowId && typeof started.version === 'number') {
      versions.add(started.version);
    }
  }
  return [...versions];
}
