import type { NodeChange } from '@xyflow/react';

export interface Move {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

/**
 * Picks, from React Flow's node changes, the moves made with the arrow keys (a selected element
 * nudged by one grid step, ten with Shift): those are done at once, so each is recorded as it
 * comes. A drag also ends with a change that is not `dragging`, but its element was dragging
 * just before: the drag's end records that one (`onNodeDragStop`), so it is left out here.
 */
export function createKeyboardMovePicker() {
  const dragging = new Set<string>();
  return (changes: readonly NodeChange[]): Move[] => {
    const moves: Move[] = [];
    for (const change of changes) {
      if (change.type !== 'position' || !change.position) continue;
      if (change.dragging) {
        dragging.add(change.id);
      } else if (!dragging.delete(change.id)) {
        moves.push({
          id: change.id,
          x: Math.round(change.position.x),
          y: Math.round(change.position.y),
        });
      }
    }
    return moves;
  };
}
