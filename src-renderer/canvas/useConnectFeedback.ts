import type { OnConnectEnd, OnConnectStart } from '@xyflow/react';
import { useCallback, type Dispatch, type SetStateAction } from 'react';
import { canConnect } from '../../src-shared/rules/canConnect';
import type { EditorStore } from '../editor/editorStore';
import type { ElementFlowNode } from './toFlow';

export const CONNECT_ALLOWED = 'is-connect-allowed';
export const CONNECT_FORBIDDEN = 'is-connect-forbidden';

const withClass = (node: ElementFlowNode, className: string | undefined): ElementFlowNode => {
  if (node.className === className) return node;
  if (className) return { ...node, className };
  const { className: _dropped, ...rest } = node;
  return rest;
};

/**
 * Live feedback from the connection rules while a connection is drawn from a handle: every
 * element it may end on is marked, every other one is dimmed, by the same `canConnect` the
 * command checks. The marks are set once when the drag starts and cleared when it ends.
 */
export function useConnectFeedback(
  store: EditorStore,
  setNodes: Dispatch<SetStateAction<ElementFlowNode[]>>,
) {
  const onConnectStart: OnConnectStart = useCallback(
    (_event, { nodeId, handleType }) => {
      if (!nodeId) return;
      const doc = store.getState().editor.doc;
      // Drawn from a target handle, the connection runs backwards: the other end is its source.
      const allowed = (other: string) =>
        handleType === 'target'
          ? canConnect(doc, other, nodeId).allowed
          : canConnect(doc, nodeId, other).allowed;
      setNodes((nodes) =>
        nodes.map((node) =>
          withClass(
            node,
            node.id === nodeId ? undefined : allowed(node.id) ? CONNECT_ALLOWED : CONNECT_FORBIDDEN,
          ),
        ),
      );
    },
    [store, setNodes],
  );
  const onConnectEnd: OnConnectEnd = useCallback(
    () => setNodes((nodes) => nodes.map((node) => withClass(node, undefined))),
    [setNodes],
  );
  return { onConnectStart, onConnectEnd };
}
