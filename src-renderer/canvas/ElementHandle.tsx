import { Handle, Position } from '@xyflow/react';

interface ElementHandleProps {
  readonly type: 'source' | 'target';
  readonly className: string;
  readonly isConnectable: boolean;
  /** Zoomed out too far to grab a handle: a plain square that React Flow still measures. */
  readonly bare: boolean;
}

/**
 * Where connections start (on the right) or end (on the left). Far out it is a plain element with
 * React Flow's classes, which React Flow measures for the connections' ends like a handle, but
 * which starts no connection and subscribes to nothing: a view of thousands of elements then
 * keeps no store subscription per handle.
 */
export function ElementHandle({ type, className, isConnectable, bare }: ElementHandleProps) {
  const position = type === 'target' ? Position.Left : Position.Right;
  if (bare) {
    return (
      <div
        className={`react-flow__handle react-flow__handle-${position} nodrag nopan ${type} ${className}`}
        data-handlepos={position}
      />
    );
  }
  return (
    <Handle type={type} position={position} className={className} isConnectable={isConnectable} />
  );
}
