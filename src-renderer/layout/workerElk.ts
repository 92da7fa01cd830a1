import ELK from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { ElkLayouter } from './autoLayout';

let shared: ElkLayouter | undefined;

/**
 * The app's ELK, running in a Web Worker so that laying out a large diagram (a second or more for
 * a thousand elements) does not freeze the canvas. Where no worker can start (tests, a page that
 * forbids it), it answers `undefined` or fails its layouts, and `autoLayout` runs ELK here instead.
 */
export function workerElk(): ElkLayouter | undefined {
  if (typeof Worker === 'undefined') return undefined;
  shared ??= createWorkerElk();
  return shared;
}

function createWorkerElk(): ElkLayouter {
  let failure: Error | undefined;
  const failed = new Set<(error: Error) => void>();
  const elk = new ELK({
    workerFactory: (url) => {
      const worker = new Worker(url ?? elkWorkerUrl);
      // elkjs only listens for answers: a worker that cannot load would leave a layout waiting.
      worker.addEventListener('error', (event) => {
        failure = new Error(`the layout worker failed: ${event.message || 'it could not start'}`);
        for (const reject of failed) reject(failure);
        failed.clear();
      });
      return worker;
    },
    workerUrl: elkWorkerUrl,
  });
  return {
    layout: (graph, args) => {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        failed.add(reject);
        elk.layout(graph, args).then(
          (result) => {
            failed.delete(reject);
            resolve(result);
          },
          (error: unknown) => {
            failed.delete(reject);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
    },
  };
}
