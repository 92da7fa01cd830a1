import { MAX_NAME_LENGTH, type Connection } from '../../src-shared/model/document';
import { useEditor } from '../editor/EditorContext';
import { compact } from './compact';
import { elementName } from './describeConnection';
import { CheckboxField } from './fields/CheckboxField';
import { IdField } from './fields/IdField';
import { JsonataField } from './fields/JsonataField';
import { RouteField } from './fields/RouteField';
import { SelectField } from './fields/SelectField';
import { TextField } from './fields/TextField';
import { ReactionForm } from './ReactionForm';
import { useRunCommand } from './useRunCommand';
import { useUpdateConnection } from './useUpdateConnection';

type Outcome = NonNullable<Connection['outcome']>;

/** One connection: its label, and its condition, decision or reaction, by what it joins. */
export function ConnectionProperties({ connection }: { connection: Connection }) {
  const doc = useEditor((state) => state.editor.doc);
  const update = useUpdateConnection(connection);
  const run = useRunCommand();
  const source = doc.model.elements.find((element) => element.id === connection.source);
  const target = doc.model.elements.find((element) => element.id === connection.target);
  const reacts = source?.type === 'eventType' && target?.type === 'service';
  const publishes = source?.type === 'service' && target?.type === 'eventType';
  const title = reacts ? 'Reaction' : publishes ? 'Publish edge' : 'Connection';

  return (
    <div className="prop-form">
      <h2 className="prop-title">{title}</h2>
      <p className="prop-hint">
        From {elementName(doc, connection.source)} to {elementName(doc, connection.target)}.
        {publishes ? ' The service publishes this event.' : ''}
      </p>
      <TextField
        label="Name"
        value={connection.name ?? ''}
        hint="A label shown on the path."
        validate={(text) =>
          text.trim().length > MAX_NAME_LENGTH
            ? `A name is at most ${MAX_NAME_LENGTH} characters; this one has ${text.trim().length}.`
            : null
        }
        onCommit={(name) => update({ name: name.trim() || undefined })}
      />
      <IdField id={connection.id} />
      <RouteField doc={doc} connectionId={connection.id} />
      {source?.type === 'exclusiveGateway' ? (
        <CheckboxField
          label="Default path of the gateway"
          checked={source.default === connection.id}
          hint="Taken when no condition of the other paths holds."
          onCommit={(checked) =>
            run({
              type: 'elements.update',
              element: compact({ ...source, default: checked ? connection.id : undefined }),
            })
          }
        />
      ) : null}
      {doc.kind === 'flow' && (source?.type === 'exclusiveGateway' || connection.condition) ? (
        <JsonataField
          label="Condition"
          value={connection.condition}
          placeholder="amount > 1000"
          hint="JSONata over the instance data: this path is taken when it is true."
          sampleLabel="Sample instance data (JSON)"
          onCommit={(condition) => update({ condition })}
        />
      ) : null}
      {source?.type === 'userTask' || connection.outcome ? (
        <SelectField
          label="Decision"
          value={connection.outcome ?? ''}
          options={[
            { value: '', label: 'Any decision' },
            { value: 'approve', label: 'Approve' },
            { value: 'reject', label: 'Reject' },
          ]}
          hint="Which decision of the person takes this path."
          onCommit={(outcome) => update({ outcome: (outcome || undefined) as Outcome | undefined })}
        />
      ) : null}
      {reacts ? <ReactionForm connection={connection} service={target.service} /> : null}
    </div>
  );
}
