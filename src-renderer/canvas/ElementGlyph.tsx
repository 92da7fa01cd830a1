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
      return <span className="glyph glyph-icon" aria-hidden="true">⚙</span>;
    case 'userTask':
      return <span className="glyph glyph-icon" aria-hidden="true">👤</span>;
    case 'service':
      return <span className="glyph glyph-icon" aria-hidden="true">▣</span>;
    case 'eventType':
      return <span className="glyph glyph-icon" aria-hidden="true">✉</span>;
  }
}
