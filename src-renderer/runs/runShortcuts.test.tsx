import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../app/App';
import { createInProcessPlatform } from '../../test/helpers/inProcessPlatform';
import {
  importExample,
  letCodeMirrorMeasure,
  type InProcessPlatform,
} from '../../test/helpers/runsHarness';

describe('the run dialog and runs dashboard from the keyboard (the whole app in jsdom)', () => {
  let platform: InProcessPlatform;
  beforeAll(letCodeMirrorMeasure);
  beforeEach(() => {
    platform = createInProcessPlatform();
  });
  afterEach(() => platform.core.close());

  it('toggles the dashboard with Ctrl+Shift+R and the sidebar’s Runs, and leaves it with Escape', async () => {
    render(<App platform={platform} />);
    await screen.findByRole('heading', { name: 'Draw your first workflow', level: 1 });

    fireEvent.keyDown(window, { key: 'R', ctrlKey: true, shiftKey: true });
    await screen.findByRole('heading', { name: 'Runs', level: 1 });
    expect(screen.getByRole('button', { name: 'Runs', pressed: true })).toBeTruthy();

    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() =>
      expect(screen.queryByRole('heading', { name: 'Runs', level: 1 })).toBeNull(),
    );
    expect(
      screen.getByRole('heading', { name: 'Draw your first workflow', level: 1 }),
    ).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Runs', pressed: false }));
    await screen.findByRole('heading', { name: 'Runs', level: 1 });
    fireEvent.keyDown(window, { key: 'r', ctrlKey: true, shiftKey: true });
    await waitFor(() =>
      expect(screen.queryByRole('heading', { name: 'Runs', level: 1 })).toBeNull(),
    );
  });

  it('opens the run dialog with F5 to run and Ctrl+F5 to debug, and closes it with Escape', async () => {
    const { workflow } = await importExample(platform, 'order-saga');
    localStorage.setItem('baton.lastOpen', workflow.id);
    render(<App platform={platform} />);
    await screen.findByRole('button', { name: 'Run…' }, { timeout: 20_000 });

    fireEvent.keyDown(window, { key: 'F5' });
    const dialog = await screen.findByRole('dialog', { name: 'Run “Order saga”' });
    expect(screen.getByRole('radio', { name: 'Run' })).toHaveProperty('checked', true);
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Run…' }));

    fireEvent.keyDown(window, { key: 'F5', ctrlKey: true });
    await screen.findByRole('dialog', { name: 'Run “Order saga”' });
    expect(screen.getByRole('radio', { name: /Debug/ })).toHaveProperty('checked', true);
    expect(screen.getByRole('button', { name: 'Start debugging' })).toBeTruthy();
  });

  it('takes F5 from the moment Run… is on screen (the key is not lost while React settles)', async () => {
    const { workflow } = await importExample(platform, 'order-saga');
    localStorage.setItem('baton.lastOpen', workflow.id);
    // Press F5 in the same task that puts the button on screen, before any later effects run.
    const pressed = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        const buttons = [...document.querySelectorAll('button')];
        if (!buttons.some((button) => button.textContent === 'Run…')) return;
        observer.disconnect();
        fireEvent.keyDown(window, { key: 'F5' });
        resolve();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    render(<App platform={platform} />);
    await pressed;
    expect(screen.queryByRole('dialog', { name: 'Run “Order saga”' })).not.toBeNull();
  });
});
