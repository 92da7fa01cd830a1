import type { ReactNode } from 'react';
import { MAX_NAME_LENGTH, type Element } from '../../src-shared/model/document';
import { elementTypeInfo } from '../../src-shared/model/elementTypes';
import { AnnotationForm } from './AnnotationForm';
import { BoundaryEventForm } from './BoundaryEventForm';
import { CallActivityForm } from './CallActivityForm';
import { EndEventForm } from './EndEventForm';
import { EventTypeNodeForm } from './EventTypeNodeForm';
import { IdField } from './fields/IdField';
import { TextField } from './fields/TextField';
import { GatewayForm } from './GatewayForm';
import { MessageForm } from './MessageForm';
import { ServiceNodeForm } from './ServiceNodeForm';
import { ServiceTaskForm } from './ServiceTaskForm';
import { StartEventForm } from './StartEventForm';
import { TimerEventForm } from './TimerEventForm';
import { UserTaskForm } from './UserTaskForm';
import { useRunCommand } from './useRunCommand';

const nameProblem = (text: string) =>
  text.trim() === ''
    ? 'Enter a name: it is what people read on the canvas (the id stays as it is).'
    : text.trim().length > MAX_NAME_LENGTH
      ? `A name is at most ${MAX_NAME_LENGTH} characters; this one has ${text.trim().length}.`
      : null;

/** One element's properties: its business name and technical id, then its kind's own. */
export function ElementProperties({ element }: { element: Element }) {
  const run = useRunCommand();
  return (
    <div className="prop-form">
      <h2 className="prop-title">{elementTypeInfo[element.type].label}</h2>
      <TextField
        label="Name"
        value={element.name}
        validate={nameProblem}
        onCommit={(name) => run({ type: 'elements.rename', id: element.id, name: name.trim() })}
      />
      <IdField id={element.id} />
      {kindForm(element)}
    </div>
  );
}

function kindForm(element: Element): ReactNode {
  switch (element.type) {
    case 'startEvent':
      return <StartEventForm element={element} />;
    case 'endEvent':
      return <EndEventForm element={element} />;
    case 'serviceTask':
      return <ServiceTaskForm element={element} />;
    case 'userTask':
      return <UserTaskForm element={element} />;
    case 'exclusiveGateway':
      return <GatewayForm element={element} />;
    case 'timerEvent':
      return <TimerEventForm element={element} />;
    case 'messageCatch':
    case 'messageThrow':
      return <MessageForm element={element} />;
    case 'boundaryEvent':
      return <BoundaryEventForm element={element} />;
    case 'callActivity':
      return <CallActivityForm element={element} />;
    case 'annotation':
      return <AnnotationForm element={element} />;
    case 'service':
      return <ServiceNodeForm element={element} />;
    case 'eventType':
      return <EventTypeNodeForm element={element} />;
    case 'parallelGateway':
    case 'subProcess':
    case 'group':
    case 'lane':
      return null;
  }
}
