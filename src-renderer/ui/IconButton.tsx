import type { LucideIcon } from 'lucide-react';
import type { ComponentPropsWithRef } from 'react';

interface IconButtonProps extends Omit<ComponentPropsWithRef<'button'>, 'children'> {
  readonly icon: LucideIcon;
  /** The accessible name: what screen readers and tests call the button. */
  readonly label: string;
  /** The tooltip, with the key if it has one ("Undo (Ctrl+Z)"); the label by default. */
  readonly title?: string;
  /** The icon's size in pixels (16; 14 in tables and forms). */
  readonly size?: number;
}

/** A compact button showing only an icon, named for assistive technology and in its tooltip. */
export function IconButton({
  icon: Icon,
  label,
  title,
  size = 16,
  className,
  ...rest
}: IconButtonProps) {
  return (
    <button
      type="button"
      {...rest}
      title={title ?? label}
      aria-label={label}
      className={className ? `icon-button ${className}` : 'icon-button'}
    >
      <Icon size={size} aria-hidden="true" />
    </button>
  );
}
