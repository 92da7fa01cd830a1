import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { useEditorStore } from '../editor/EditorContext';
import { elementTypeInfo } from '../../src-shared/model/elementTypes';
import type { ElementFlowNode } from './toFlow';
import { ElementGlyph } from './ElementGlyph';

/** One element on the canvas, drawn with its BPMN-style shape, with handles where it connects. */
export const ElementNode = memo(function ElementNode({
  data,
  selected,
}: NodeProps<ElementFlowNode>) {
  const { element } = data;
  const info = elementTypeInfo[element.type];
  // Events and gateways are small shapes: their names sit underneath.
  const captioned = ['startEvent', 'endEvent', 'exclusiveGateway'].includes(element.type);
  const store = useEditorStore();
  const [editing, setEditing] = useState(false);
  const commit = (name: string) => {
    setEditing(false);
    const trimmed = name.trim();
    if (trimmed && trimmed !== element.name) {
      store.getState().run({ type: 'elements.rename', id: element.id, name: trimmed });
    }
  };
  const label = editing ? (
    <input
      className="element-name-input nodrag"
      aria-label={`Name of ${element.name}`}
      defaultValue={element.name}
      autoFocus
      maxLength={200}
      onFocus={(event) => event.currentTarget.select()}
      onBlur={(event) => commit(event.currentTarget.value)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') commit(event.currentTarget.value);
        if (event.key === 'Escape') setEditing(false);
      }}
    />
  ) : (
    <span className={captioned ? 'element-caption' : 'element-name'}>{element.name}</span>
  );
  return (
    <div
      className={`element element-${element.type}${selected ? ' is-selected' : ''}`}
      style={{ width: info.size.width, height: info.size.height }}
      data-element-id={element.id}
      title="Double-click to rename"
      onDoubleClick={() => setEditing(true)}
    >
      {info.accepts.incoming && (
        <Handle type="target" position={Position.Left} className="handle handle-target" />
      )}
      <ElementGlyph type={element.type} />
      {label}
      {info.accepts.outgoing && (
        <Handle type="source" position={Position.Right} className="handle handle-source" />
      )}
    </div>
  );
});
