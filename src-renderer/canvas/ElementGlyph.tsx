import { Mail, Server, Settings, User } from 'lucide-react';
import type { ElementType } from '../../src-shared/model/elementTypes';

/** The small picture that says what an element is, shared by the canvas and the palette. */
export function ElementGlyph({ type }: { type: ElementType }) {
  switch (type) {
    case 'startEvent':
      return <span className="glyph glyph-start" aria-hidden="true" />;
    case 'endEvent':
      return <span className="glyph glyph-end" aria-hidden="true" />;
    case 'exclusiveGateway':
      return (
        <span className="glyph glyph-gateway" aria-hidden="true">
          <span>✕</span>
        </span>
      );
    case 'serviceTask':
      return <Settings className="glyph-icon" size={16} aria-hidden="true" />;
    case 'userTask':
      return <User className="glyph-icon" size={16} aria-hidden="true" />;
    case 'service':
      return <Server className="glyph-icon" size={16} aria-hidden="true" />;
    case 'eventType':
      return <Mail className="glyph-icon" size={16} aria-hidden="true" />;
  }
}
