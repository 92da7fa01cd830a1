import { BaseEdge, SmoothStepEdge, type EdgeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { simplifyPath } from '../../src-shared/diagram/connectionPath';
import { pathData, pathMidpoint } from '../../src-shared/diagram/drawConnection';
import type { Point } from '../../src-shared/diagram/geometry';
import { RouteHandles } from './RouteHandles';
import type { ConnectionEdgeData } from './toFlow';
import { useFarOut } from './useFarOut';

/**
 * A connection on the canvas. Without saved bend points it is React Flow's smooth-step edge; with
 * them, a path through them with rounded corners, as the SVG export draws it. A selected one shows
 * handles to bend it (`RouteHandles`), whose drag is drawn here until it ends. Far out, its label is
 * left out (each label is measured when drawn, which thousands of connections would pay for nothing).
 */
export const ConnectionEdge = memo(function ConnectionEdge({
  label,
  data,
  selected,
  ...props
}: EdgeProps) {
  const bare = useFarOut();
  // The bends while a handle is dragged: ephemeral, drawn here, one command when the drag ends.
  const [preview, setPreview] = useState<readonly Point[] | null>(null);
  const saved = (data as ConnectionEdgeData | undefined)?.waypoints;
  const waypoints = preview ?? saved;
  const start = { x: props.sourceX, y: props.sourceY };
  const end = { x: props.targetX, y: props.targetY };
  const handles = selected && !bare && (
    <RouteHandles
      connectionId={props.id}
      start={start}
      end={end}
      waypoints={saved ?? []}
      onPreview={setPreview}
    />
  );
  if (!waypoints || waypoints.length === 0) {
    // No `id`: like React Flow's own edge, the path carries none (a tab's ids may repeat another's).
    return (
      <>
        <SmoothStepEdge {...props} id={undefined} label={bare ? undefined : label} />
        {handles}
      </>
    );
  }
  const points = simplifyPath([start, ...waypoints, end]);
  const middle = pathMidpoint(points);
  return (
    <>
      <BaseEdge
        path={pathData(points)}
        labelX={middle.x}
        labelY={middle.y}
        label={bare ? undefined : label}
        labelStyle={props.labelStyle}
        labelShowBg={props.labelShowBg}
        labelBgStyle={props.labelBgStyle}
        labelBgPadding={props.labelBgPadding}
        labelBgBorderRadius={props.labelBgBorderRadius}
        style={props.style}
        markerEnd={props.markerEnd}
        markerStart={props.markerStart}
        interactionWidth={props.interactionWidth}
      />
      {handles}
    </>
  );
});
