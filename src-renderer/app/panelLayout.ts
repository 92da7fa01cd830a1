import { useSyncExternalStore } from 'react';
import { subscribeToStorage } from '../ui/subscribeToStorage';

/** The panels around the canvas that can be folded away to give it room. */
export type PanelId = 'sidebar' | 'palette' | 'properties' | 'problems';
export const PANEL_IDS: readonly PanelId[] = ['sidebar', 'palette', 'properties', 'problems'];

/** For each panel, whether it is shown in full (`false`: folded to a rail, or icons only). */
export type PanelLayout = Readonly<Record<PanelId, boolean>>;

export const PANEL_STORAGE_KEY = 'baton.panels';
const ALL_SHOWN: PanelLayout = { sidebar: true, palette: true, properties: true, problems: true };

/** How each panel is named to the person, and the key that folds it (with Ctrl or ⌘). */
export const panelInfo: Readonly<Record<PanelId, { label: string; shortcut: string }>> = {
  sidebar: { label: 'Flows and maps', shortcut: 'Ctrl+B' },
  palette: { label: 'Palette names', shortcut: 'Ctrl+Alt+P' },
  properties: { label: 'Properties', shortcut: 'Ctrl+Alt+B' },
  problems: { label: 'Problems', shortcut: 'Ctrl+J' },
};

const listeners = new Set<() => void>();
let cached: { stored: string | null; layout: PanelLayout } | undefined;

function readStored(): string | null {
  try {
    return localStorage.getItem(PANEL_STORAGE_KEY);
  } catch {
    // Storage can be unavailable (a locked-down profile): every panel shows, unremembered.
    return null;
  }
}

/** Reads a stored layout; anything unreadable or unknown falls back to the panel shown. */
export function parsePanelLayout(stored: string | null): PanelLayout {
  if (!stored) return ALL_SHOWN;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return ALL_SHOWN;
  }
  if (value === null || typeof value !== 'object') return ALL_SHOWN;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    PANEL_IDS.map((id) => [id, typeof record[id] === 'boolean' ? record[id] : true]),
  ) as PanelLayout;
}

/** The remembered layout: the same object until it changes (as `useSyncExternalStore` needs). */
export function readPanelLayout(): PanelLayout {
  const stored = readStored();
  if (cached?.stored !== stored) cached = { stored, layout: parsePanelLayout(stored) };
  return cached.layout;
}

/** Shows or folds one panel, remembers it, and tells every `usePanelLayout` in this window. */
export function setPanelShown(id: PanelId, shown: boolean): void {
  const next = { ...readPanelLayout(), [id]: shown };
  try {
    localStorage.setItem(PANEL_STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Not remembered: keep it for this session at least.
    cached = { stored: readStored(), layout: next };
  }
  listeners.forEach((listener) => listener());
}

export function togglePanel(id: PanelId): void {
  setPanelShown(id, !readPanelLayout()[id]);
}

function subscribe(listener: () => void): () => void {
  return subscribeToStorage(PANEL_STORAGE_KEY, listeners, listener);
}

/** Which panels are shown; shared by the whole window and remembered between sessions. */
export function usePanelLayout(): PanelLayout {
  return useSyncExternalStore(subscribe, readPanelLayout);
}

/** Which panel a key press folds or shows, if any. */
export function panelForShortcut(event: {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}): PanelId | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.shiftKey) return undefined;
  // With Alt held, some layouts turn the key into another character: read the physical key.
  const key = event.code?.startsWith('Key') ? event.code.slice(3).toLowerCase() : event.key;
  if (event.altKey) {
    if (key === 'b') return 'properties';
    if (key === 'p') return 'palette';
    return undefined;
  }
  if (key === 'b') return 'sidebar';
  if (key === 'j') return 'problems';
  return undefined;
}
