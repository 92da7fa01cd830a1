import { Lock, RotateCcw, Timer } from 'lucide-react';
import type { Element } from '../../src-shared/model/document';

/**
 * Small markers on a task for what matters in a saga: it can be undone (compensation), it cannot
 * (pivot), it gives up after a timeout.
 */
export function ElementMarkers({ element }: { element: Element }) {
  if (element.type !== 'serviceTask') return null;
  const markers = [
    element.compensation && {
      key: 'undo',
      Icon: RotateCcw,
      label: `Undone by ${element.compensation.operation}`,
    },
    element.pivot && { key: 'pivot', Icon: Lock, label: 'Pivot: cannot be undone' },
    element.timeoutMs !== undefined && {
      key: 'timeout',
      Icon: Timer,
      label: `Times out after ${element.timeoutMs} ms`,
    },
  ].filter((marker) => marker !== undefined && marker !== false);
  if (markers.length === 0) return null;
  return (
    <span className="element-markers">
      {markers.map(({ key, Icon, label }) => (
        <span
          key={key}
          className={`marker marker-${key}`}
          title={label}
          aria-label={label}
          role="img"
        >
          <Icon size={11} aria-hidden="true" />
        </span>
      ))}
    </span>
  );
}
