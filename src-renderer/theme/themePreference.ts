import { subscribeToStorage } from '../ui/subscribeToStorage';

/** What the person chose: follow the operating system, or always light, or always dark. */
export type ThemePreference = 'system' | 'light' | 'dark';
/** The palette actually shown. */
export type Theme = 'light' | 'dark';

export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];
export const THEME_STORAGE_KEY = 'baton.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

const listeners = new Set<() => void>();

function isPreference(value: unknown): value is ThemePreference {
  return THEME_PREFERENCES.includes(value as ThemePreference);
}

/** The remembered choice; "system" when nothing (or something unreadable) is stored. */
export function readThemePreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return isPreference(stored) ? stored : 'system';
  } catch {
    // Storage can be unavailable (a locked-down profile): the app still works, unremembered.
    return 'system';
  }
}

/** Remembers the choice and tells every `useTheme` in this window. */
export function writeThemePreference(preference: ThemePreference): void {
  try {
    if (preference === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Not remembered, but still applied below for this session's listeners.
  }
  listeners.forEach((listener) => listener());
}

/** Calls `listener` when the choice changes here or in another window of the app. */
export function subscribeToThemePreference(listener: () => void): () => void {
  return subscribeToStorage(THEME_STORAGE_KEY, listeners, listener);
}

function darkQuery(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
}

/** Whether the operating system asks for a dark palette (light where it cannot say). */
export function systemPrefersDark(): boolean {
  return darkQuery()?.matches ?? false;
}

/** Calls `listener` when the operating system switches between light and dark. */
export function subscribeToSystemTheme(listener: () => void): () => void {
  const query = darkQuery();
  query?.addEventListener('change', listener);
  return () => query?.removeEventListener('change', listener);
}

/** The palette to show for a choice. */
export function resolveTheme(preference: ThemePreference, prefersDark: boolean): Theme {
  if (preference === 'system') return prefersDark ? 'dark' : 'light';
  return preference;
}
