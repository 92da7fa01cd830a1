import type { ElementOf } from '../../src-shared/model/document';
import { EventTypeField } from './EventTypeField';
import { JsonataField } from './fields/JsonataField';
import { useUpdateElement } from './useUpdateElement';

type MessageElement = ElementOf<'messageCatch'> | ElementOf<'messageThrow'>;

/** An awaited event and its correlation, or a published event and its payload. */
export function MessageForm({ element }: { element: MessageElement }) {
  const update = useUpdateElement<MessageElement>(element);
  return (
    <>
      <EventTypeField
        required
        value={element.eventType}
        onCommit={(eventType) => update({ eventType })}
      />
      {element.type === 'messageCatch' ? (
        <JsonataField
          label="Correlation"
          value={element.correlation}
          hint="JSONata: the value the awaited event must carry. Empty: the instance's correlation id."
          sampleLabel="Sample instance data (JSON)"
          onCommit={(correlation) => update({ correlation })}
        />
      ) : (
        <JsonataField
          label="Payload"
          value={element.payload}
          placeholder='{ "orderId": orderId }'
          hint="JSONata over the instance data: the published event's payload."
          sampleLabel="Sample instance data (JSON)"
          onCommit={(payload) => update({ payload })}
        />
      )}
    </>
  );
}
