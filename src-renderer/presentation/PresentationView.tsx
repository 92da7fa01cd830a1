import { ReactFlowProvider } from '@xyflow/react';
import { ChevronLeft, ChevronRight, X } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { CaptionCard } from './CaptionCard';
import { describeElement, type CaptionNames } from './describeElement';
import { PresentationCanvas } from './PresentationCanvas';
import { presentationSteps } from './presentationSteps';
import { usePresentationKeys } from './usePresentationKeys';
import './presentation.css';

export interface PresentationViewProps {
  readonly doc: WorkflowDocument;
  /** The workflow's name, shown as the presentation's title. */
  readonly title: string;
  readonly names?: CaptionNames;
  readonly onLeave: () => void;
}

/**
 * A document shown full-window to stakeholders, one step at a time along its flow: the step
 * centred and highlighted on a clean canvas, a caption saying what it is, and where we are.
 */
export function PresentationView({ doc, title, names, onLeave }: PresentationViewProps) {
  const steps = useMemo(() => presentationSteps(doc), [doc]);
  const [index, setIndex] = useState(0);
  const currentId = steps[index];
  const current = doc.model.elements.find((element) => element.id === currentId);
  const caption = current ? describeElement(doc, current, names) : undefined;

  const next = useCallback(
    () => setIndex((shown) => Math.min(shown + 1, Math.max(steps.length - 1, 0))),
    [steps.length],
  );
  const previous = useCallback(() => setIndex((shown) => Math.max(shown - 1, 0)), []);
  usePresentationKeys({ next, previous, leave: onLeave });

  // Take focus from the editor underneath, so that nothing there stays focused while presenting.
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);

  return createPortal(
    <div
      ref={dialog}
      className="presentation"
      role="dialog"
      aria-modal="true"
      aria-label={`Presenting ${title}`}
      tabIndex={-1}
    >
      <header className="presentation-bar">
        <h1 className="presentation-title">{title}</h1>
        <span className="presentation-progress" role="status">
          <span className="visually-hidden">Step </span>
          {steps.length > 0 ? `${index + 1} / ${steps.length}` : '0 / 0'}
        </span>
        <button type="button" className="presentation-leave" onClick={onLeave} title="Escape">
          <X size={16} aria-hidden="true" />
          Exit
        </button>
      </header>
      <div className="presentation-stage">
        <ReactFlowProvider>
          <PresentationCanvas doc={doc} currentId={currentId} />
        </ReactFlowProvider>
      </div>
      <footer className="presentation-footer">
        <button
          type="button"
          className="presentation-step"
          onClick={previous}
          disabled={index === 0}
          title="Previous step (←)"
        >
          <ChevronLeft size={20} aria-hidden="true" />
          Previous
        </button>
        {caption ? (
          <CaptionCard caption={caption} />
        ) : (
          <p className="presentation-caption presentation-empty">
            Nothing to present yet: draw a few steps first.
          </p>
        )}
        <button
          type="button"
          className="presentation-step primary"
          onClick={next}
          disabled={index >= steps.length - 1}
          title="Next step (→ or Space)"
        >
          Next
          <ChevronRight size={20} aria-hidden="true" />
        </button>
      </footer>
    </div>,
    document.body,
  );
}
