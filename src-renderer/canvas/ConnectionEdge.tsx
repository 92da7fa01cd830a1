import { SmoothStepEdge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useFarOut } from './useFarOut';

/**
 * A connection on the canvas: React Flow's smooth-step edge, without its label when zoomed so far
 * out that it could not be read (each label is measured when drawn, which a view of thousands of
 * connections would pay for nothing).
 */
export const ConnectionEdge = memo(function ConnectionEdge({ label, ...props }: EdgeProps) {
  const bare = useFarOut();
  // No `id`: like React Flow's own edge, the path carries none (a tab's ids may repeat another's).
  return <SmoothStepEdge {...props} id={undefined} label={bare ? undefined : label} />;
});
