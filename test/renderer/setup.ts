import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom lacks what React Flow measures with; gestures are tested in Chromium instead.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});
