import { BaseEdge, getSmoothStepPath, SmoothStepEdge, type EdgeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { followEnds, simplifyPath } from '../../src-shared/diagram/connectionPath';
import { pathData, pathMidpoint } from '../../src-shared/diagram/drawConnection';
import type { Point } from '../../src-shared/diagram/geometry';
import { RouteHandles } from './RouteHandles';
import type { ConnectionEdgeData } from './edgeRoute';
import { useFarOut } from './useFarOut';
import { RunEdgeMarks } from '../debugger/RunEdgeMarks';

const samePoint = (a: Point, b: Point) => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;

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
  const route = data as ConnectionEdgeData | undefined;
  const start = { x: props.sourceX, y: props.sourceY };
  const end = { x: props.targetX, y: props.targetY };
  // While an element is dragged, the route bends as the move will bend it when dropped.
  const saved =
    route?.ends && !(samePoint(route.ends.start, start) && samePoint(route.ends.end, end))
      ? followEnds(route.waypoints, route.ends, { start, end })
      : route?.waypoints;
  const waypoints = preview ?? saved;
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
        <RunEdgeMarks
          id={props.id}
          route={() => {
            const [path, labelX, labelY] = getSmoothStepPath(props);
            return { path, labelX, labelY };
          }}
        />
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
      <RunEdgeMarks
        id={props.id}
        route={() => ({ path: pathData(points), labelX: middle.x, labelY: middle.y })}
      />
    </>
  );
});
