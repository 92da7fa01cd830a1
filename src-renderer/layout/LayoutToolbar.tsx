import {
  AlignCenterHorizontal,
  AlignCenterVertical,
  AlignEndHorizontal,
  AlignEndVertical,
  AlignHorizontalDistributeCenter,
  AlignStartHorizontal,
  AlignStartVertical,
  AlignVerticalDistributeCenter,
  Workflow,
  type LucideIcon,
} from 'lucide-react';
import { describeShortcut, useLayoutShortcuts, type LayoutShortcut } from './useLayoutShortcuts';
import { useLayoutActions } from './useLayoutActions';

interface LayoutButton extends LayoutShortcut {
  readonly label: string;
  /** Said in the tooltip: always (`note`), or while the button is disabled (`needs`). */
  readonly note?: string;
  readonly needs?: string;
  readonly busy?: boolean;
  readonly Icon: LucideIcon;
}

const alt = (code: string) => ({ code, mod: false, alt: true, shift: true });

/**
 * Auto-layout, align and distribute for the open document. Align needs two selected shapes,
 * distribute three; each button says its shortcut. Pass `active={false}` while the document is
 * not the one in front, so that its shortcuts do not act on a hidden tab.
 */
export function LayoutToolbar({ active = true }: { active?: boolean }) {
  const actions = useLayoutActions();
  const { canAlign, canDistribute } = actions;
  const alignButton = (
    edge: Parameters<typeof actions.align>[0],
    label: string,
    key: string,
    Icon: LucideIcon,
  ): LayoutButton => ({
    label,
    needs: 'select two shapes or more',
    Icon,
    ...alt(key),
    enabled: canAlign,
    run: () => actions.align(edge),
  });
  const groups: readonly (readonly LayoutButton[])[] = [
    [
      {
        label: 'Auto-layout',
        note: 'arranges the selection, or the whole diagram when fewer than two are selected',
        busy: actions.busy,
        Icon: Workflow,
        code: 'KeyL',
        mod: true,
        alt: false,
        shift: true,
        enabled: actions.canAutoLayout,
        run: () => void actions.autoLayout(),
      },
    ],
    [
      alignButton('left', 'Align left', 'KeyL', AlignStartVertical),
      alignButton('center', 'Align centre', 'KeyC', AlignCenterVertical),
      alignButton('right', 'Align right', 'KeyR', AlignEndVertical),
      alignButton('top', 'Align top', 'KeyT', AlignStartHorizontal),
      alignButton('middle', 'Align middle', 'KeyM', AlignCenterHorizontal),
      alignButton('bottom', 'Align bottom', 'KeyB', AlignEndHorizontal),
    ],
    [
      {
        label: 'Distribute horizontally',
        needs: 'select three shapes or more',
        Icon: AlignHorizontalDistributeCenter,
        ...alt('KeyH'),
        enabled: canDistribute,
        run: () => actions.distribute('horizontal'),
      },
      {
        label: 'Distribute vertically',
        needs: 'select three shapes or more',
        Icon: AlignVerticalDistributeCenter,
        ...alt('KeyV'),
        enabled: canDistribute,
        run: () => actions.distribute('vertical'),
      },
    ],
  ];
  useLayoutShortcuts(groups.flat(), active);

  return (
    <div className="layout-toolbar" role="toolbar" aria-label="Layout">
      {groups.map((group, index) => (
        <div key={index} className="layout-toolbar-group">
          {group.map(({ label, note, needs, busy, Icon, enabled, run, ...shortcut }) => (
            <button
              key={label}
              type="button"
              className="layout-toolbar-button"
              aria-label={label}
              aria-keyshortcuts={describeShortcut(shortcut).replaceAll('Ctrl', 'Control')}
              title={[`${label} (${describeShortcut(shortcut)})`, note, enabled ? undefined : needs]
                .filter(Boolean)
                .join(': ')}
              disabled={!enabled}
              aria-busy={busy}
              onClick={run}
            >
              <Icon size={16} aria-hidden="true" />
            </button>
          ))}
        </div>
      ))}
      {actions.failure && (
        <span className="layout-toolbar-failure" role="alert">
          {actions.failure}
        </span>
      )}
    </div>
  );
}
