import { useState, type KeyboardEvent, type ReactNode } from 'react';

/** Children shown under one node before a "more" row (a huge array stays quick to open). */
const CHILDREN_SHOWN = 200;

type Path = string;

const isBranch = (value: unknown): value is Record<string, unknown> | unknown[] =>
  typeof value === 'object' && value !== null;

function preview(value: unknown): { text: string; type: string } {
  if (value === null) return { text: 'null', type: 'null' };
  if (Array.isArray(value))
    return { text: `[…] ${value.length} item${value.length === 1 ? '' : 's'}`, type: 'branch' };
  if (typeof value === 'object') {
    const keys = Object.keys(value).length;
    return { text: `{…} ${keys} key${keys === 1 ? '' : 's'}`, type: 'branch' };
  }
  if (typeof value === 'string') return { text: JSON.stringify(value), type: 'string' };
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return { text: String(value), type: typeof value };
  return { text: typeof value, type: 'null' };
}

/** Moves focus between the tree's visible items as the ARIA tree pattern asks. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  const index = items.indexOf(document.activeElement as HTMLElement);
  if (index < 0) return;
  const target =
    event.key === 'ArrowDown'
      ? items[index + 1]
      : event.key === 'ArrowUp'
        ? items[index - 1]
        : event.key === 'Home'
          ? items[0]
          : event.key === 'End'
            ? items.at(-1)
            : undefined;
  if (target) {
    event.preventDefault();
    target.focus();
  }
}

/**
 * A JSON value as a collapsible tree (`role="tree"`): objects and arrays open and close with a
 * click, Enter, → and ←; ↑/↓/Home/End move between the items shown. An object's members are
 * the top level, open at first; what they hold starts closed.
 */
export function JsonTree({ value, label }: { readonly value: unknown; readonly label: string }) {
  const [toggled, setToggled] = useState<ReadonlySet<Path>>(new Set());
  const isOpen = (path: Path, depth: number) => (depth === 0) !== toggled.has(path);
  const toggle = (path: Path) =>
    setToggled((current) => {
      const next = new Set(current);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  const node = (
    key: string | null,
    inner: unknown,
    path: Path,
    depth: number,
    position: number,
    siblings: number,
  ): ReactNode => {
    const branch = isBranch(inner);
    const open = branch && isOpen(path, depth);
    const { text, type } = preview(inner);
    const entries = branch ? Object.entries(inner) : [];
    const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
      if (event.target !== event.currentTarget || !branch) return;
      if (
        event.key === 'Enter' ||
        event.key === ' ' ||
        (event.key === 'ArrowRight' && !open) ||
        (event.key === 'ArrowLeft' && open)
      ) {
        event.preventDefault();
        toggle(path);
      }
    };
    return (
      <li
        key={path}
        role="treeitem"
        aria-level={depth + 1}
        aria-posinset={position + 1}
        aria-setsize={siblings}
        aria-expanded={branch ? open : undefined}
        aria-label={`${key ?? label}: ${branch ? text : preview(inner).text}`}
        tabIndex={path === firstPath ? 0 : -1}
        className="json-item"
        onKeyDown={onKeyDown}
      >
        <div
          className="json-line"
          style={{ paddingLeft: depth * 14 }}
          onClick={branch ? () => toggle(path) : undefined}
        >
          <span className={`json-twisty${branch ? '' : ' is-leaf'}`} aria-hidden="true">
            {branch ? (open ? '▾' : '▸') : ''}
          </span>
          {key !== null && <span className="json-key">{key}</span>}
          {key !== null && <span className="json-colon">:</span>}
          {!open && <span className={`json-value json-${type}`}>{text}</span>}
        </div>
        {open && (
          <ul role="group" className="json-group">
            {entries
              .slice(0, CHILDREN_SHOWN)
              .map(([childKey, child], index) =>
                node(childKey, child, `${path}/${childKey}`, depth + 1, index, entries.length),
              )}
            {entries.length > CHILDREN_SHOWN && (
              <li role="none" className="json-more" style={{ paddingLeft: (depth + 1) * 14 + 16 }}>
                … {entries.length - CHILDREN_SHOWN} more
              </li>
            )}
          </ul>
        )}
      </li>
    );
  };

  // An object's or array's members are the tree's top level; anything else is one item.
  const top = isBranch(value) ? Object.entries(value) : null;
  const firstPath = top ? `/${top[0]?.[0] ?? ''}` : '';
  return (
    <ul role="tree" aria-label={label} className="json-tree" onKeyDown={moveFocus}>
      {top === null ? (
        node(null, value, '', 0, 0, 1)
      ) : top.length === 0 ? (
        <li role="none" className="json-more">
          {Array.isArray(value) ? 'An empty array' : 'An empty object'}
        </li>
      ) : (
        top
          .slice(0, CHILDREN_SHOWN)
          .map(([key, child], index) => node(key, child, `/${key}`, 0, index, top.length))
      )}
      {top !== null && top.length > CHILDREN_SHOWN && (
        <li role="none" className="json-more">
          … {top.length - CHILDREN_SHOWN} more
        </li>
      )}
    </ul>
  );
}
