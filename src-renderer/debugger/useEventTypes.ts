import { useEffect, useState } from 'react';
import { useEditor } from '../editor/EditorContext';
import { usePlatform } from '../platform/PlatformContext';

/**
 * The event types a person may pick for an event breakpoint or a published event: those the
 * document names (event nodes, message events) and those of the workspace's catalog, sorted.
 * The catalog is read when `wanted` first turns true.
 */
export function useEventTypes(wanted: boolean): readonly string[] {
  const { client } = usePlatform();
  const elements = useEditor((state) => state.editor.doc.model.elements);
  const [catalog, setCatalog] = useState<readonly string[] | null>(null);
  useEffect(() => {
    if (!wanted || catalog) return;
    let cancelled = false;
    client['catalog.get']({}).then(
      (read) => !cancelled && setCatalog((read.events ?? []).map((event) => event.name)),
      () => !cancelled && setCatalog([]),
    );
    return () => {
      cancelled = true;
    };
  }, [wanted, catalog, client]);
  const named = elements.flatMap((element) =>
    'eventType' in element && typeof element.eventType === 'string' ? [element.eventType] : [],
  );
  return [...new Set([...named, ...(catalog ?? [])])].sort((a, b) => a.localeCompare(b));
}
