/** The animation-frame clock the debugger paces itself by (a test passes its own). */
export interface Frames {
  request(callback: (now: number) => void): number;
  cancel(handle: number): void;
  now(): number;
}

export function defaultFrames(): Frames {
  return {
    request: (callback) => window.requestAnimationFrame(callback),
    cancel: (handle) => window.cancelAnimationFrame(handle),
    now: () => performance.now(),
  };
}
