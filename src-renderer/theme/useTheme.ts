import { useCallback, useLayoutEffect, useSyncExternalStore } from 'react';
import {
  readThemePreference,
  resolveTheme,
  subscribeToSystemTheme,
  subscribeToThemePreference,
  systemPrefersDark,
  writeThemePreference,
  type Theme,
  type ThemePreference,
} from './themePreference';

export interface ThemeState {
  readonly preference: ThemePreference;
  /** The palette shown: the preference, or the operating system's in "system" mode. */
  readonly theme: Theme;
  readonly setPreference: (preference: ThemePreference) => void;
}

/**
 * The app's light or dark palette. The choice is remembered in localStorage and shared by every
 * caller; in "system" mode it follows `prefers-color-scheme` as it changes. The palette is applied
 * as `data-theme` on the root element, which the CSS variables key on.
 */
export function useTheme(): ThemeState {
  const preference = useSyncExternalStore(subscribeToThemePreference, readThemePreference);
  const prefersDark = useSyncExternalStore(subscribeToSystemTheme, systemPrefersDark);
  const theme = resolveTheme(preference, prefersDark);

  // Before paint, so that a dark window never flashes light.
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const setPreference = useCallback((next: ThemePreference) => writeThemePreference(next), []);
  return { preference, theme, setPreference };
}
