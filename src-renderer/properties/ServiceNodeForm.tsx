import type { ElementOf } from '../../src-shared/model/document';
import { ServiceField } from './ServiceField';
import { useUpdateElement } from './useUpdateElement';

/** A service on a choreography map, by its name in the catalog. */
export function ServiceNodeForm({ element }: { element: ElementOf<'service'> }) {
  const update = useUpdateElement(element);
  return <ServiceField value={element.service} onCommit={(service) => update({ service })} />;
}
