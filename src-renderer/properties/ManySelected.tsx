import type { Connection, Element } from '../../src-shared/model/document';
import { useEditor } from '../editor/EditorContext';

/**
 * With several items selected: how many, and a way to edit one of them. Actions that apply to
 * all of them at once belong here.
 */
export function ManySelected({ items }: { items: readonly (Element | Connection)[] }) {
  const focus = useEditor((state) => state.focus);
  return (
    <div className="prop-form">
      <h2 className="prop-title">{items.length} items selected</h2>
      <p className="prop-hint">Choose one to edit its properties.</p>
      <ul className="prop-selected-list">
        {items.map((item) => {
          const label =
            'type' in item ? item.name || item.id : item.name || `Connection ${item.id}`;
          return (
            <li key={item.id}>
              <button type="button" className="prop-link" onClick={() => focus(item.id)}>
                {label}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
