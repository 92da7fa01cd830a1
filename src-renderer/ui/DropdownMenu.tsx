import { ChevronDown, type LucideIcon } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface DropdownMenuProps {
  /** The trigger's text, also the menu's accessible name. */
  readonly label: string;
  /** Shown before the label; in a narrow document header only the icon is (`.button-label`). */
  readonly icon?: LucideIcon;
  readonly title: string;
  /** The menu's items (`role="menuitem"` buttons), given a way to close the menu. */
  readonly children: (close: () => void) => ReactNode;
  readonly className?: string;
  /** Shown under the trigger whether the menu is open or not (a report after an export). */
  readonly after?: ReactNode;
}

/**
 * A button that opens a menu of actions, as people expect of one: the first enabled item takes
 * the focus, ↑ and ↓ move between items, Escape closes it and gives the focus back to the
 * button, and a click or focus outside closes it.
 */
export function DropdownMenu({
  label,
  icon: Icon,
  title,
  children,
  className,
  after,
}: DropdownMenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current
      ?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')
      ?.focus();
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!open) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      trigger.current?.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const step = event.key === 'ArrowDown' ? 1 : -1;
    items[(at + step + items.length) % items.length]?.focus();
  };

  return (
    <div className="menu" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={trigger}
        type="button"
        aria-haspopup="menu"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={title}
        onClick={() => setOpen((value) => !value)}
      >
        {Icon && <Icon size={14} aria-hidden="true" />}
        <span className="button-label">{label}</span>
        <ChevronDown size={14} aria-hidden="true" />
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className={`menu-list${className ? ` ${className}` : ''}`}
          role="menu"
          aria-label={label}
          onBlur={(event) => {
            if (!root.current?.contains(event.relatedTarget)) setOpen(false);
          }}
        >
          {children(() => setOpen(false))}
        </div>
      )}
      {after}
    </div>
  );
}
