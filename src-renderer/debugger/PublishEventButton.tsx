import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { isLive } from './describeRun';
import type { RunSessionStore } from './runSession';
import { useEventTypes } from './useEventTypes';
import { ModalDialog } from '../ui/ModalDialog';

/** Reads a payload typed by a person: a JSON object, or a message naming what is wrong. */
export function parsePayload(
  text: string,
): { ok: true; payload?: Record<string, unknown> } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The payload is not JSON: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, message: 'The payload must be a JSON object, like { "orderId": "o-1" }' };
  return { ok: true, payload: value as Record<string, unknown> };
}

/** "Publish event…": a dialog for an event type and its payload, published into the live run. */
export function PublishEventButton({ session }: { session: RunSessionStore }) {
  const live = useStore(session, (state) => isLive(state.summary));
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        disabled={!live}
        onClick={() => setOpen(true)}
        title="Publish an event into the run by hand"
      >
        Publish event…
      </button>
      {open && <PublishEventDialog session={session} onClose={() => setOpen(false)} />}
    </>
  );
}

function PublishEventDialog({
  session,
  onClose,
}: {
  session: RunSessionStore;
  onClose: () => void;
}) {
  const types = useEventTypes(true);
  const [eventType, setEventType] = useState('');
  const [payloadText, setPayloadText] = useState('{}');
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();

  const publish = () => {
    if (eventType.trim() === '') return setProblem('Name the event type to publish');
    const parsed = parsePayload(payloadText);
    if (!parsed.ok) return setProblem(parsed.message);
    onClose();
    session.getState().followLive();
    void session.getState().publish(eventType.trim(), parsed.payload);
  };

  return (
    <ModalDialog
      className="dialog publish-dialog"
      aria-labelledby="publish-title"
      onClose={onClose}
    >
      <h2 id="publish-title">Publish an event</h2>
      <div className="dialog-body">
        <label>
          Event type
          <input
            list={listId}
            value={eventType}
            autoFocus
            onChange={(event) => {
              setEventType(event.target.value);
              setProblem(null);
            }}
          />
          <datalist id={listId}>
            {types.map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
        </label>
        <label>
          Payload (JSON)
          <textarea
            rows={6}
            spellCheck={false}
            value={payloadText}
            onChange={(event) => {
              setPayloadText(event.target.value);
              setProblem(null);
            }}
          />
        </label>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={publish}>
          Publish
        </button>
      </div>
    </ModalDialog>
  );
}
