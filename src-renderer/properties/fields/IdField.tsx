import { useRef, useState } from 'react';
import { Field } from './Field';

/** The technical id: stable, read-only, and one click away from the clipboard. */
export function IdField({ id }: { id: string }) {
  const [note, setNote] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(id);
      setNote('Copied');
    } catch {
      // No clipboard access (a browser without permission): select it for Ctrl+C instead.
      input.current?.select();
      setNote('Press Ctrl+C to copy');
    }
  };
  return (
    <Field label="Id" hint="Stable: runs, traces and the compiled machine name it.">
      {(control) => (
        <div className="prop-id">
          <input
            {...control}
            ref={input}
            className="prop-input prop-mono"
            type="text"
            readOnly
            value={id}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" onClick={() => void copy()}>
            Copy id
          </button>
          <span className="prop-note" role="status">
            {note}
          </span>
        </div>
      )}
    </Field>
  );
}
