import {
  paletteByKind,
  elementTypeInfo,
  type ElementType,
  type WorkflowKind,
} from '../../src-shared/model/elementTypes';
import { ElementGlyph } from './ElementGlyph';
import { usePlacement } from './usePlacement';
import { PanelToggle } from '../app/PanelToggle';
import { usePanelLayout } from '../app/panelLayout';

export const PALETTE_MIME = 'application/x-baton-element';

/**
 * The elements a document of this kind can hold. Drag one onto the canvas, or click it and then
 * click the canvas; Enter adds it in the middle of the view.
 */
export function Palette({ kind }: { kind: WorkflowKind }) {
  const { armed, arm, addAtCentre } = usePlacement();
  // Folded, the palette shows icons only; each keeps its name for the tooltip and screen readers.
  const named = usePanelLayout().palette;
  return (
    <aside className={`palette${named ? '' : ' is-compact'}`} aria-label="Palette">
      <div className="palette-items" role="group" aria-label="Elements to draw">
        {paletteByKind[kind].map((type: ElementType) => (
          <button
            key={type}
            type="button"
            className={`palette-item${armed === type ? ' is-armed' : ''}`}
            draggable
            aria-pressed={armed === type}
            title={`${elementTypeInfo[type].label}: drag onto the canvas, or click then click the canvas`}
            onDragStart={(event) => {
              event.dataTransfer.setData(PALETTE_MIME, type);
              event.dataTransfer.effectAllowed = 'copy';
            }}
            onClick={() => arm(armed === type ? null : type)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                addAtCentre(type);
              }
            }}
          >
            <ElementGlyph type={type} />
            <span className={named ? undefined : 'visually-hidden'}>
              {elementTypeInfo[type].label}
            </span>
          </button>
        ))}
      </div>
      <PanelToggle panel="palette" className="palette-fold" />
    </aside>
  );
}
