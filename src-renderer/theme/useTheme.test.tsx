import { act, render, renderHook, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { THEME_STORAGE_KEY } from './themePreference';
import { ThemeSwitch } from './ThemeSwitch';
import { useTheme } from './useTheme';

/** The operating system's light/dark setting, as `matchMedia` reports it (jsdom has none). */
function fakeSystemTheme(initiallyDark: boolean) {
  let dark = initiallyDark;
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return dark;
    },
    media: '(prefers-color-scheme: dark)',
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal(
    'matchMedia',
    vi.fn(() => query),
  );
  return {
    switchTo(next: 'light' | 'dark') {
      dark = next === 'dark';
      act(() => listeners.forEach((listener) => listener()));
    },
  };
}

const appliedTheme = () => document.documentElement.dataset.theme;

beforeEach(() => {
  delete document.documentElement.dataset.theme;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useTheme in system mode', () => {
  it('follows the operating system, also when it switches while the app is open', () => {
    const system = fakeSystemTheme(true);
    const { result } = renderHook(() => useTheme());
    expect(result.current.preference).toBe('system');
    expect(result.current.theme).toBe('dark');
    expect(appliedTheme()).toBe('dark');

    system.switchTo('light');
    expect(result.current.theme).toBe('light');
    expect(appliedTheme()).toBe('light');
  });

  it('is light where the system cannot say (no matchMedia)', () => {
    vi.stubGlobal('matchMedia', undefined);
    const { result } = renderHook(() => useTheme());
    expect(result.current.theme).toBe('light');
    expect(appliedTheme()).toBe('light');
  });
});

describe('useTheme with a chosen theme', () => {
  it.each([
    ['light', true, 'light'],
    ['dark', false, 'dark'],
  ] as const)(
    'shows %s whatever the system says (system dark: %s)',
    (choice, systemDark, shown) => {
      const system = fakeSystemTheme(systemDark);
      const { result } = renderHook(() => useTheme());
      act(() => result.current.setPreference(choice));
      expect(result.current.theme).toBe(shown);
      system.switchTo(systemDark ? 'light' : 'dark');
      expect(result.current.theme).toBe(shown);
      expect(appliedTheme()).toBe(shown);
    },
  );

  it('remembers the choice for the next start, and forgets it when set back to system', () => {
    fakeSystemTheme(false);
    const first = renderHook(() => useTheme());
    act(() => first.result.current.setPreference('dark'));
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    first.unmount();

    const next = renderHook(() => useTheme());
    expect(next.result.current.preference).toBe('dark');
    expect(next.result.current.theme).toBe('dark');

    act(() => next.result.current.setPreference('system'));
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
    expect(next.result.current.theme).toBe('light');
  });

  it('ignores an unreadable stored value and starts in system mode', () => {
    fakeSystemTheme(true);
    localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    const { result } = renderHook(() => useTheme());
    expect(result.current.preference).toBe('system');
    expect(result.current.theme).toBe('dark');
  });

  it('keeps every user of the hook in step (the switch and the canvas)', () => {
    fakeSystemTheme(false);
    const canvas = renderHook(() => useTheme());
    const sidebar = renderHook(() => useTheme());
    act(() => sidebar.result.current.setPreference('dark'));
    expect(canvas.result.current.theme).toBe('dark');
  });
});

describe('ThemeSwitch', () => {
  it('offers System, Light and Dark as one choice and applies the one picked', async () => {
    fakeSystemTheme(false);
    const user = userEvent.setup();
    render(<ThemeSwitch />);
    const group = screen.getByRole('group', { name: 'Theme' });
    const choice = (name: string) => within(group).getByRole<HTMLInputElement>('radio', { name });
    expect(choice('System').checked).toBe(true);

    await user.click(choice('Dark'));
    expect(choice('Dark').checked).toBe(true);
    expect(choice('System').checked).toBe(false);
    expect(appliedTheme()).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
  });
});
