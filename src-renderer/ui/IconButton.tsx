import type { LucideIcon } from 'lucide-react';
import type { ButtonHTMLAttributes } from 'react';

interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  readonly icon: LucideIcon;
  /** The accessible name: what screen readers and tests call the button. */
  readonly label: string;
  /** The tooltip, with the key if it has one ("Undo (Ctrl+Z)"); the label by default. */
  readonly title?: string;
}

/** A compact button showing only an icon, named for assistive technology and in its tooltip. */
export function IconButton({ icon: Icon, label, title, className, ...rest }: IconButtonProps) {
  return (
    <button
      type="button"
      {...rest}
      title={title ?? label}
      aria-label={label}
      className={className ? `icon-button ${className}` : 'icon-button'}
    >
      <Icon size={16} aria-hidden="true" />
    </button>
  );
}
