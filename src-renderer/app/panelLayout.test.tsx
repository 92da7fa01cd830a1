import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PANEL_STORAGE_KEY,
  panelForShortcut,
  parsePanelLayout,
  readPanelLayout,
  setPanelShown,
} from './panelLayout';
import { PanelToggle } from './PanelToggle';

const press = (key: string, mods: Partial<Record<'ctrl' | 'alt' | 'shift' | 'meta', boolean>>) => ({
  key,
  code: /^[a-z]$/.test(key) ? `Key${key.toUpperCase()}` : undefined,
  ctrlKey: mods.ctrl ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
  metaKey: mods.meta ?? false,
});

afterEach(() => localStorage.clear());

describe('panel layout', () => {
  it('shows every panel when nothing, or nothing readable, is stored', () => {
    const all = { sidebar: true, palette: true, properties: true, problems: true };
    expect(parsePanelLayout(null)).toEqual(all);
    expect(parsePanelLayout('{not json')).toEqual(all);
    expect(parsePanelLayout('"folded"')).toEqual(all);
    expect(parsePanelLayout('{"sidebar":"no","problems":false,"__proto__":false}')).toEqual({
      ...all,
      problems: false,
    });
  });

  it('remembers a folded panel and keeps the same object until it changes', () => {
    const first = readPanelLayout();
    expect(readPanelLayout()).toBe(first);
    setPanelShown('properties', false);
    expect(JSON.parse(localStorage.getItem(PANEL_STORAGE_KEY) ?? '{}')).toMatchObject({
      properties: false,
    });
    expect(readPanelLayout().properties).toBe(false);
    expect(readPanelLayout()).not.toBe(first);
  });

  it('maps the shortcuts people know from code editors to panels', () => {
    expect(panelForShortcut(press('b', { ctrl: true }))).toBe('sidebar');
    expect(panelForShortcut(press('b', { meta: true }))).toBe('sidebar');
    expect(panelForShortcut(press('j', { ctrl: true }))).toBe('problems');
    expect(panelForShortcut(press('b', { ctrl: true, alt: true }))).toBe('properties');
    // Alt may turn the key into another character: the physical key counts.
    expect(panelForShortcut({ ...press('p', { ctrl: true, alt: true }), key: 'π' })).toBe(
      'palette',
    );
    expect(panelForShortcut(press('b', {}))).toBeUndefined();
    expect(panelForShortcut(press('b', { ctrl: true, shift: true }))).toBeUndefined();
    expect(panelForShortcut(press('z', { ctrl: true }))).toBeUndefined();
  });

  it('has a toggle that says what it does and flips the panel', async () => {
    render(<PanelToggle panel="problems" />);
    const hide = screen.getByRole('button', { name: 'Hide problems' });
    expect(hide.getAttribute('title')).toBe('Hide problems (Ctrl+J)');
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(hide);
    expect(readPanelLayout().problems).toBe(false);
    expect(screen.getByRole('button', { name: 'Show problems' })).toBeTruthy();
    act(() => setPanelShown('problems', true));
    expect(screen.getByRole('button', { name: 'Hide problems' })).toBeTruthy();
  });
});
