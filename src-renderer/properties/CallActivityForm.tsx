import type { ElementOf } from '../../src-shared/model/document';
import { FlowReferenceFields } from './FlowReferenceFields';
import { useUpdateElement } from './useUpdateElement';

/** A call of another flow of the workspace, by id and version. */
export function CallActivityForm({ element }: { element: ElementOf<'callActivity'> }) {
  const update = useUpdateElement(element);
  return (
    <FlowReferenceFields
      label="Flow"
      noneLabel="Choose a flow…"
      value={{ flowId: element.flowId, version: element.version }}
      onCommit={(reference) => update(reference ?? { flowId: '', version: 'latest' })}
    />
  );
}
