import type { Node, NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { MAX_NAME_LENGTH } from '../../src-shared/model/document';
import { useEditorStore } from '../editor/EditorContext';
import { InlineNameField } from '../ui/InlineNameField';
import { ElementMarkers } from './ElementMarkers';
import { elementTypeInfo } from '../../src-shared/model/elementTypes';
import type { ElementNodeData } from './toFlow';
import { ElementGlyph } from './ElementGlyph';
import { ProblemBadge } from '../problems/ProblemBadge';
import { ElementHandle } from './ElementHandle';
import { ContainerControls } from './ContainerControls';
import { useFarOut } from './useFarOut';
import { RunElementMarks } from '../debugger/RunElementMarks';

/**
 * A node's data; a presentation draws it read-only, with larger text and no handles or badges.
 * `readOnly` draws it as the canvas does, without handles, badges or editing (another document
 * shown beside the editor, whose problems and runs are not this editor's).
 */
export type ShownElementNode = Node<
  ElementNodeData & { presentation?: boolean; readOnly?: boolean },
  'element'
>;

/** One element on the canvas, drawn with its BPMN-style shape, with handles where it connects. */
export const ElementNode = memo(function ElementNode({
  data,
  selected,
}: NodeProps<ShownElementNode>) {
  const { element, presentation = false } = data;
  const readOnly = presentation || data.readOnly === true;
  const info = elementTypeInfo[element.type];
  // Events and gateways are drawn smaller than a name: theirs sits underneath.
  const captioned = info.size.width < 100;
  const store = useEditorStore();
  const [editing, setEditing] = useState(false);
  // Far out, only the shape is drawn: names, icons and markers could not be made out.
  const bare = useFarOut() && !editing;
  const label = bare ? null : editing ? (
    <InlineNameField
      className="element-name-input nodrag"
      label={`Name of ${element.name}`}
      initial={element.name}
      maxLength={MAX_NAME_LENGTH}
      onRename={(name) => store.getState().run({ type: 'elements.rename', id: element.id, name })}
      onDone={() => setEditing(false)}
    />
  ) : (
    <span
      className={
        captioned ? `element-caption${data.captionAbove ? ' is-above' : ''}` : 'element-name'
      }
    >
      {element.type === 'annotation' && element.text ? element.text : element.name}
    </span>
  );
  // A presentation keeps the handles (edges attach to them) but hides them and allows no edits.
  const handleClass = readOnly ? ' handle-hidden' : '';
  // While a container is resized, its shape follows the resize handles.
  const [resized, setResized] = useState<{ width: number; height: number } | null>(null);
  return (
    <div
      className={`element element-${element.type}${selected ? ' is-selected' : ''}${presentation ? ' is-presenting' : ''}${data.collapsed ? ' is-collapsed' : ''}`}
      style={resized ?? data.size ?? info.size}
      data-element-id={element.id}
      title={readOnly ? undefined : 'Double-click to rename'}
      onDoubleClick={readOnly ? undefined : () => setEditing(true)}
    >
      {info.accepts.incoming && (
        <ElementHandle
          type="target"
          className={`handle handle-target${handleClass}`}
          isConnectable={!readOnly}
          bare={bare}
        />
      )}
      <ElementGlyph type={element.type} bare={bare} />
      {label}
      {!bare && <ElementMarkers element={element} />}
      {!readOnly && <ProblemBadge elementId={element.id} />}
      {!readOnly && (
        <RunElementMarks
          elementId={element.id}
          name={element.name}
          decidable={element.type === 'userTask'}
        />
      )}
      <ContainerControls
        element={element}
        collapsed={data.collapsed === true}
        selected={selected}
        readOnly={readOnly}
        onResizing={setResized}
      />
      {info.accepts.outgoing && (
        <ElementHandle
          type="source"
          className={`handle handle-source${handleClass}`}
          isConnectable={!readOnly}
          bare={bare}
        />
      )}
    </div>
  );
});
