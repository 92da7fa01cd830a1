/**
 * jsdom lays nothing out: a virtualized list measures its scroller as 0 × 0 and shows no rows, and
 * `scrollTo` does not exist. The debugger's panels' tests give scrollers (elements with the
 * `run-scroll` class) a size, as the bottom run panel would, a scroll height from the spacer inside
 * them, and a `scrollTo` that scrolls and fires `scroll` as a browser does; every other element
 * stays as jsdom has it (the originals live on Element.prototype and come back when these go).
 */
import { afterAll, beforeAll } from 'vitest';

const SCROLLER = 'run-scroll';
const SIZE = { clientHeight: 312, clientWidth: 900 } as const;

export function withScrollerSize(): void {
  const prototype = HTMLElement.prototype as unknown as Record<string, unknown>;
  beforeAll(() => {
    for (const key of Object.keys(SIZE) as (keyof typeof SIZE)[]) {
      Object.defineProperty(prototype, key, {
        configurable: true,
        get(this: HTMLElement) {
          return this.classList.contains(SCROLLER) ? SIZE[key] : 0;
        },
      });
    }
    Object.defineProperty(prototype, 'scrollHeight', {
      configurable: true,
      get(this: HTMLElement) {
        const spacer = this.firstElementChild as HTMLElement | null;
        return this.classList.contains(SCROLLER) ? parseFloat(spacer?.style.height ?? '') || 0 : 0;
      },
    });
    Object.defineProperty(prototype, 'scrollTo', {
      configurable: true,
      writable: true,
      value(this: HTMLElement, options?: ScrollToOptions) {
        if (options?.top !== undefined) this.scrollTop = options.top;
        this.dispatchEvent(new Event('scroll'));
      },
    });
  });
  afterAll(() => {
    for (const key of [...Object.keys(SIZE), 'scrollHeight', 'scrollTo']) delete prototype[key];
  });
}

/**
 * CodeMirror measures text through `Range.getClientRects`, which jsdom lacks: an empty list and a
 * zero rectangle, as for text not laid out.
 */
export function withTextMeasuring(): void {
  const prototype = Range.prototype as unknown as Record<string, unknown>;
  beforeAll(() => {
    prototype.getClientRects = () => ({
      length: 0,
      item: () => null,
      [Symbol.iterator]: [][Symbol.iterator],
    });
    prototype.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
  });
  afterAll(() => {
    delete prototype.getClientRects;
    delete prototype.getBoundingClientRect;
  });
}
