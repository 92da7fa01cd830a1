import { useState } from 'react';
import { useStore } from 'zustand';
import type { Breakpoint } from '../../src-shared/runtime/debug';
import { createStore } from 'zustand/vanilla';
import { useEditor } from '../editor/EditorContext';
import { describeSyntaxError, jsonataSyntaxError } from '../properties/jsonataSyntaxError';
import { useDebugContext } from './DebugContext';
import { useEventTypes } from './useEventTypes';
import type { BreakpointState } from './breakpointStore';

const none = createStore<Pick<BreakpointState, 'breakpoints'>>()(() => ({ breakpoints: [] }));

/**
 * "Breakpoints": the document's breakpoints in a popover, each with its condition (JSONata, edited
 * in place), enabled or not, and removable; and event-type breakpoints added from the document's
 * and catalog's event types.
 */
export function BreakpointsMenu() {
  const { breakpoints: store } = useDebugContext();
  const list = useStore(store ?? none, (state) => state.breakpoints);
  const [open, setOpen] = useState(false);
  const types = useEventTypes(open);
  const [eventType, setEventType] = useState('');
  const model = useEditor((state) => state.editor.doc.model);
  if (!store) return null;
  const nameOf = (breakpoint: Breakpoint) => {
    if (breakpoint.kind === 'event') return `Event ${breakpoint.target}`;
    if (breakpoint.kind === 'edge') {
      const connection = model.connections.find((item) => item.id === breakpoint.target);
      const end = model.elements.find((item) => item.id === connection?.target);
      return `Connection to ${end?.name || breakpoint.target}`;
    }
    return model.elements.find((item) => item.id === breakpoint.target)?.name || breakpoint.target;
  };
  return (
    <div className="menu breakpoints-menu">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        title="Breakpoints: F9 sets one on the selected element or connection"
      >
        Breakpoints ({list.length})
      </button>
      {open && (
        <div className="menu-list breakpoints-popover" role="dialog" aria-label="Breakpoints">
          {list.length === 0 && (
            <p className="debug-note">No breakpoints. Select an element and press F9.</p>
          )}
          <ul aria-label="Breakpoint list">
            {list.map((breakpoint) => (
              <BreakpointRow
                key={`${breakpoint.kind}:${breakpoint.target}`}
                breakpoint={breakpoint}
                name={nameOf(breakpoint)}
              />
            ))}
          </ul>
          <form
            className="breakpoint-add"
            onSubmit={(event) => {
              event.preventDefault();
              if (eventType.trim() === '') return;
              store.getState().add({ kind: 'event', target: eventType.trim() });
              setEventType('');
            }}
          >
            <label>
              Break on event
              <select value={eventType} onChange={(event) => setEventType(event.target.value)}>
                <option value="">Choose an event type…</option>
                {types.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={eventType === ''}>
              Add
            </button>
          </form>
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}

function BreakpointRow({ breakpoint, name }: { breakpoint: Breakpoint; name: string }) {
  const store = useDebugContext().breakpoints!;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(breakpoint.condition ?? '');
  const syntax = text.trim() === '' ? null : jsonataSyntaxError(text);
  const { kind, target } = breakpoint;
  return (
    <li aria-label={`Breakpoint: ${name}`}>
      <label>
        <input
          type="checkbox"
          checked={breakpoint.enabled !== false}
          onChange={(event) => store.getState().setEnabled(kind, target, event.target.checked)}
          aria-label={`Enabled: ${name}`}
        />
        {name}
      </label>
      {breakpoint.condition && !editing && (
        <code className="breakpoint-condition">when {breakpoint.condition}</code>
      )}
      {editing ? (
        <span className="breakpoint-condition-editor">
          <textarea
            aria-label={`Condition for ${name} (JSONata)`}
            rows={2}
            spellCheck={false}
            value={text}
            placeholder="data.amount > 100"
            onChange={(event) => setText(event.target.value)}
            autoFocus
          />
          {syntax && (
            <span className="field-error" role="alert">
              {describeSyntaxError(syntax)}
            </span>
          )}
          <button
            type="button"
            disabled={syntax !== null}
            onClick={() => {
              store.getState().setCondition(kind, target, text);
              setEditing(false);
            }}
          >
            Save condition
          </button>
        </span>
      ) : (
        <button
          type="button"
          onClick={() => setEditing(true)}
          title="A JSONata condition over data, event, elementId, eventType, payload"
        >
          Condition…
        </button>
      )}
      <button
        type="button"
        onClick={() => store.getState().remove(kind, target)}
        aria-label={`Remove breakpoint: ${name}`}
      >
        Remove
      </button>
    </li>
  );
}
