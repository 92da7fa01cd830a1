import {
  PanelBottomClose,
  PanelBottomOpen,
  PanelLeftClose,
  PanelLeftOpen,
  PanelRightClose,
  PanelRightOpen,
} from 'lucide-react';
import { panelInfo, togglePanel, usePanelLayout, type PanelId } from './panelLayout';

const icons: Readonly<
  Record<PanelId, { fold: typeof PanelLeftClose; show: typeof PanelLeftOpen }>
> = {
  sidebar: { fold: PanelLeftClose, show: PanelLeftOpen },
  palette: { fold: PanelLeftClose, show: PanelLeftOpen },
  properties: { fold: PanelRightClose, show: PanelRightOpen },
  problems: { fold: PanelBottomClose, show: PanelBottomOpen },
};

/** The button that folds a panel away, or shows it again, with its shortcut in the tooltip. */
export function PanelToggle({ panel, className }: { panel: PanelId; className?: string }) {
  const shown = usePanelLayout()[panel];
  const { label, shortcut } = panelInfo[panel];
  const Icon = shown ? icons[panel].fold : icons[panel].show;
  const action = `${shown ? 'Hide' : 'Show'} ${label.toLowerCase()}`;
  return (
    <button
      type="button"
      className={`panel-toggle${className ? ` ${className}` : ''}`}
      aria-label={action}
      aria-expanded={shown}
      title={`${action} (${shortcut})`}
      onClick={() => togglePanel(panel)}
    >
      <Icon size={16} aria-hidden />
    </button>
  );
}
