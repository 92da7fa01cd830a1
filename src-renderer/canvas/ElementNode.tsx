import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { elementTypeInfo } from '../../src-shared/model/elementTypes';
import type { ElementFlowNode } from './toFlow';
import { ElementGlyph } from './ElementGlyph';

/** One element on the canvas, drawn with its BPMN-style shape, with handles where it connects. */
export const ElementNode = memo(function ElementNode({ data, selected }: NodeProps<ElementFlowNode>) {
  const { element } = data;
  const info = elementTypeInfo[element.type];
  const round = element.type === 'startEvent' || element.type === 'endEvent';
  return (
    <div
      className={`element element-${element.type}${selected ? ' is-selected' : ''}`}
      style={{ width: info.size.width, height: info.size.height }}
      data-element-id={element.id}
    >
      {info.accepts.incoming && (
        <Handle type="target" position={Position.Left} className="handle handle-target" />
      )}
      <ElementGlyph type={element.type} />
      {!round && <span className="element-name">{element.name}</span>}
      {round && <span className="element-caption">{element.name}</span>}
      {info.accepts.outgoing && (
        <Handle type="source" position={Position.Right} className="handle handle-source" />
      )}
    </div>
  );
});
