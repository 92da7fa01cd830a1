import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DropdownMenu } from './DropdownMenu';

function Menu({ onPick }: { onPick: (item: string) => void }) {
  return (
    <DropdownMenu label="Formats" title="Download">
      {(close) =>
        ['One', 'Two', 'Three'].map((item) => (
          <button
            key={item}
            type="button"
            role="menuitem"
            aria-disabled={item === 'One' || undefined}
            onClick={() => {
              close();
              onPick(item);
            }}
          >
            {item}
          </button>
        ))
      }
    </DropdownMenu>
  );
}

describe('DropdownMenu', () => {
  it('focuses the first enabled item, moves with the arrows, and closes on a pick', async () => {
    const onPick = vi.fn();
    render(<Menu onPick={onPick} />);
    await userEvent.click(screen.getByRole('button', { name: 'Formats' }));
    expect(document.activeElement?.textContent).toBe('Two');
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Three');
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('One');
    await userEvent.keyboard('{ArrowUp}{Enter}');
    expect(onPick).toHaveBeenCalledWith('Three');
    expect(screen.queryByRole('menu', { name: 'Formats' })).toBeNull();
  });

  it('closes on Escape and gives the focus back to its button', async () => {
    render(<Menu onPick={() => {}} />);
    const trigger = screen.getByRole('button', { name: 'Formats' });
    await userEvent.click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });
});
