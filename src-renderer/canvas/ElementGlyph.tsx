import {
  Clock,
  Group,
  Layers,
  Mail,
  Rows3,
  Send,
  Server,
  Settings,
  StickyNote,
  User,
  Workflow,
  Zap,
  type LucideIcon,
} from 'lucide-react';
import type { ElementType } from '../../src-shared/model/elementTypes';

const icons: Partial<Record<ElementType, LucideIcon>> = {
  serviceTask: Settings,
  userTask: User,
  service: Server,
  eventType: Mail,
  subProcess: Layers,
  callActivity: Workflow,
  annotation: StickyNote,
  group: Group,
  lane: Rows3,
};

/** Events drawn as circles with a symbol inside (BPMN style). */
const eventIcons: Partial<Record<ElementType, LucideIcon>> = {
  timerEvent: Clock,
  messageCatch: Mail,
  messageThrow: Send,
  boundaryEvent: Zap,
};

/**
 * The small picture that says what an element is, shared by the canvas and the palette; `bare`
 * keeps only what gives the element its shape (an event's circle, a gateway's diamond).
 */
export function ElementGlyph({ type, bare = false }: { type: ElementType; bare?: boolean }) {
  if (type === 'startEvent') return <span className="glyph glyph-start" aria-hidden="true" />;
  if (type === 'endEvent') return <span className="glyph glyph-end" aria-hidden="true" />;
  if (type === 'exclusiveGateway' || type === 'parallelGateway') {
    return (
      <span className="glyph glyph-gateway" aria-hidden="true">
        {!bare && <span>{type === 'exclusiveGateway' ? '✕' : '+'}</span>}
      </span>
    );
  }
  const EventIcon = eventIcons[type];
  if (EventIcon) {
    return (
      <span className={`glyph glyph-event glyph-${type}`} aria-hidden="true">
        {!bare && <EventIcon size={16} />}
      </span>
    );
  }
  if (bare) return null;
  const Icon = icons[type] ?? Settings;
  return <Icon className="glyph-icon" size={16} aria-hidden="true" />;
}
