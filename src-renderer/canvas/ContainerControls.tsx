import { NodeResizer, type OnResize, type OnResizeEnd } from '@xyflow/react';
import { canResizeTo } from '../../src-shared/diagram/containment';
import type { Element } from '../../src-shared/model/document';
import { containerTypes } from '../../src-shared/rules/canAttach';
import { useEditor, useEditorStore } from '../editor/EditorContext';
import { COLLAPSE_SHORTCUT, toggleCollapseCommand } from './collapseCommand';
import './containers.css';

/** The smallest a container may be resized to. */
const MIN_SIZE = { width: 120, height: 60 };

/**
 * A container's own controls: resize handles around a selected sub-process, lane or group
 * (one `nodes.resize` when the handle is let go), and BPMN's collapse marker (−/+) at the bottom
 * centre of a sub-process. A presentation or a comparison shows the marker and allows neither.
 */
export function ContainerControls({
  element,
  collapsed,
  selected,
  readOnly,
  onResizing,
}: {
  element: Element;
  collapsed: boolean;
  selected: boolean;
  readOnly: boolean;
  /** The size while a resize is under way; `null` when it ends. */
  onResizing: (size: { width: number; height: number } | null) => void;
}) {
  const store = useEditorStore();
  const comparing = useEditor((state) => state.comparison !== null);
  if (!containerTypes.has(element.type)) return null;
  const editable = !readOnly && !comparing;
  const onResize: OnResize = (_event, box) => onResizing({ width: box.width, height: box.height });
  const onResizeEnd: OnResizeEnd = (_event, box) => {
    onResizing(null);
    store.getState().run({
      type: 'nodes.resize',
      id: element.id,
      x: Math.round(box.x),
      y: Math.round(box.y),
      width: Math.round(box.width),
      height: Math.round(box.height),
    });
  };
  const action = collapsed ? 'Expand' : 'Collapse';
  return (
    <>
      {editable && !collapsed && (
        <NodeResizer
          isVisible={selected}
          minWidth={MIN_SIZE.width}
          minHeight={MIN_SIZE.height}
          handleClassName="container-resize-handle"
          lineClassName="container-resize-line"
          // A sub-process stops shrinking at its contents.
          shouldResize={(_event, box) => canResizeTo(store.getState().editor.doc, element.id, box)}
          onResize={onResize}
          onResizeEnd={onResizeEnd}
        />
      )}
      {element.type === 'subProcess' && (
        <button
          type="button"
          className="subprocess-toggle nodrag"
          aria-label={`${action} ${element.name}`}
          title={`${action} (${COLLAPSE_SHORTCUT})`}
          disabled={!editable}
          onClick={(event) => {
            event.stopPropagation();
            const { editor, run } = store.getState();
            run(toggleCollapseCommand(editor.doc, element.id));
          }}
        >
          <span aria-hidden="true">{collapsed ? '+' : '−'}</span>
        </button>
      )}
    </>
  );
}
