import { useEffect, useState } from 'react';
import type { SavedScenario } from '../../src-shared/runtime/debug';
import type { Scenario } from '../../src-shared/runtime/scenario';
import { usePlatform } from '../platform/PlatformContext';
import { describeFailure } from './describeFailure';

interface Props {
  readonly workflowId: string;
  /** The scenario being edited, when it is valid (it can be saved only then). */
  readonly current: Scenario | null;
  readonly onPick: (saved: SavedScenario) => void;
}

/**
 * The scenarios saved with this flow or map: pick one to edit it, save the one being edited
 * under a name (replacing a scenario of the same name), or delete the picked one.
 */
export function SavedScenarios({ workflowId, current, onPick }: Props) {
  const { client } = usePlatform();
  const [saved, setSaved] = useState<readonly SavedScenario[]>([]);
  const [picked, setPicked] = useState('');
  const [name, setName] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Read again after each save or delete.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let cancelled = false;
    client['scenarios.list']({ workflowId }).then(
      (list) => !cancelled && setSaved(list),
      (error: unknown) =>
        !cancelled &&
        setProblem(`Saved scenarios could not be read: ${describeFailure(error).join(' ')}`),
    );
    return () => {
      cancelled = true;
    };
  }, [client, workflowId, version]);
  const reload = () => setVersion((current) => current + 1);

  const save = async () => {
    if (!current) return;
    setProblem(null);
    try {
      const stored = await client['scenarios.save']({ workflowId, name, scenario: current });
      setPicked(stored.name);
      setNote(`Saved as “${stored.name}”`);
      reload();
    } catch (error) {
      setProblem(describeFailure(error).join(' '));
    }
  };
  const remove = async () => {
    setProblem(null);
    try {
      await client['scenarios.delete']({ workflowId, name: picked });
      setNote(`Deleted “${picked}”`);
      setPicked('');
      reload();
    } catch (error) {
      setProblem(describeFailure(error).join(' '));
    }
  };

  return (
    <div className="runs-saved" role="group" aria-label="Saved scenarios">
      <label className="runs-inline">
        Scenario
        <select
          aria-label="Saved scenario"
          value={picked}
          onChange={(event) => {
            const found = saved.find((item) => item.name === event.target.value);
            setPicked(event.target.value);
            setNote(null);
            if (found) {
              setName(found.name);
              onPick(found);
            }
          }}
        >
          <option value="">{saved.length ? 'Choose a saved scenario…' : 'None saved yet'}</option>
          {saved.map((item) => (
            <option key={item.name} value={item.name}>
              {item.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!picked} onClick={() => void remove()}>
        Delete
      </button>
      <input
        aria-label="Scenario name"
        placeholder="Name to save as"
        value={name}
        maxLength={100}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          // Enter here saves the scenario rather than starting a run.
          event.preventDefault();
          event.stopPropagation();
          if (current && name.trim()) void save();
        }}
      />
      <button
        type="button"
        disabled={!current || !name.trim()}
        title={current ? 'Save this scenario with the document' : 'Fix the scenario first'}
        onClick={() => void save()}
      >
        Save scenario
      </button>
      <span role="status" className="runs-hint">
        {note}
      </span>
      {problem && (
        <p role="alert" className="runs-field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
