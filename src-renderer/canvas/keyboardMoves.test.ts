import { describe, expect, it } from 'vitest';
import { createKeyboardMovePicker } from './keyboardMoves';

const position = (id: string, x: number, dragging?: boolean) =>
  ({ type: 'position', id, position: { x, y: 8.4 }, dragging }) as const;

describe('keyboard moves', () => {
  it('records a nudge with the arrow keys, rounded to whole pixels', () => {
    const pick = createKeyboardMovePicker();
    expect(pick([position('a', 16.2, false), position('b', 32)])).toEqual([
      { id: 'a', x: 16, y: 8 },
      { id: 'b', x: 32, y: 8 },
    ]);
  });

  it("leaves a drag's moves, and the change that ends it, to the drag", () => {
    const pick = createKeyboardMovePicker();
    expect(pick([position('a', 10, true)])).toEqual([]);
    expect(pick([position('a', 20, true)])).toEqual([]);
    expect(pick([position('a', 24, false)])).toEqual([]);
    // After the drag, a nudge of the same element is a keyboard move again.
    expect(pick([position('a', 32, false)])).toEqual([{ id: 'a', x: 32, y: 8 }]);
  });

  it('ignores what is not a move', () => {
    const pick = createKeyboardMovePicker();
    expect(pick([{ type: 'select', id: 'a', selected: true }])).toEqual([]);
  });
});
