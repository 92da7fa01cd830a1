import type { StepCaption } from './describeElement';

/** What the step shown is, in words: its name, its kind, a few facts and its notes. */
export function CaptionCard({ caption }: { caption: StepCaption }) {
  return (
    <article className="presentation-caption" aria-live="polite" aria-label="Step">
      <h2 className="presentation-step-name">{caption.name}</h2>
      <p className="presentation-step-kind">{caption.kind}</p>
      {caption.facts.length > 0 && (
        <ul className="presentation-facts">
          {caption.facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
      )}
      {caption.description.map((text) => (
        <p key={text} className="presentation-description">
          {text}
        </p>
      ))}
    </article>
  );
}
