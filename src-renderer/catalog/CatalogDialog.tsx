import { useEffect, useState } from 'react';
import type { Catalog } from '../../src-shared/model/catalog';
import { usePlatform } from '../platform/PlatformContext';
import { catalogProblems } from './catalogDraft';
import { EventsEditor } from './EventsEditor';
import { ServicesEditor } from './ServicesEditor';
import './catalog.css';
import { ModalDialog } from '../ui/ModalDialog';

/**
 * The workspace's catalogs in a dialog: services (operations and their default mocks) and event
 * types (owner, version, payload). Edits stay a draft until Save, which checks the whole catalog
 * first and stores nothing while it has problems; Cancel and Escape drop the draft.
 */
export function CatalogDialog({ onClose }: { onClose: () => void }) {
  const { client } = usePlatform();
  const [draft, setDraft] = useState<Catalog | null>(null);
  const [tab, setTab] = useState<'services' | 'events'>('services');
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let cancelled = false;
    client['catalog.get']({}).then(
      (catalog) => !cancelled && setDraft({ ...catalog, events: catalog.events ?? [] }),
      (error: unknown) =>
        !cancelled && setProblems([String(error instanceof Error ? error.message : error)]),
    );
    return () => {
      cancelled = true;
    };
  }, [client]);

  const save = async () => {
    if (!draft) return;
    const found = catalogProblems(draft);
    setProblems(found);
    if (found.length > 0) return;
    setSaving(true);
    try {
      await client['catalog.save']({ catalog: draft });
      onClose();
    } catch (error) {
      setProblems([error instanceof Error ? error.message : String(error)]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <ModalDialog
      className="dialog catalog-dialog"
      aria-labelledby="catalog-title"
      onClose={onClose}
    >
      <h2 id="catalog-title">Catalog</h2>
      <div role="tablist" aria-label="Catalog sections" className="catalog-tabs">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'services'}
          onClick={() => setTab('services')}
        >
          Services ({draft?.services.length ?? 0})
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'events'}
          onClick={() => setTab('events')}
        >
          Events ({draft?.events?.length ?? 0})
        </button>
      </div>
      {problems.length > 0 && (
        <ul className="catalog-problems" role="alert" aria-label="Problems in the catalog">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div className="dialog-body catalog-body">
        {!draft ? (
          <p aria-busy="true">Loading…</p>
        ) : tab === 'services' ? (
          <ServicesEditor catalog={draft} onChange={setDraft} />
        ) : (
          <EventsEditor catalog={draft} onChange={setDraft} />
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!draft || saving}
          onClick={() => void save()}
        >
          {saving ? 'Saving…' : 'Save catalog'}
        </button>
      </div>
    </ModalDialog>
  );
}
