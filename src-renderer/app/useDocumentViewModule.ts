import { useEffect, useState } from 'react';

import type * as DocumentViewExports from '../editor/DocumentView';

type DocumentViewModule = typeof DocumentViewExports;

let loaded: DocumentViewModule | undefined;
let loading: Promise<DocumentViewModule> | undefined;

/**
 * Loads the editor's code (the canvas, React Flow), once. Called when the window is idle after
 * start-up, so that opening the first document does not wait for it.
 */
export function preloadDocumentView(): Promise<DocumentViewModule> {
  loading ??= import('../editor/DocumentView').then((module) => (loaded = module));
  return loading;
}

/**
 * The editor's module once loaded (and loading it when `wanted`). Not `React.lazy` under `Suspense`: React holds back showing
 * a suspended boundary's content until 300 ms after its fallback appeared, which every first
 * opening of a document would wait for even with the code already at hand.
 */
export function useDocumentViewModule(wanted: boolean): {
  module: DocumentViewModule | undefined;
  failure: string | null;
} {
  const [module, setModule] = useState(loaded);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (module || !wanted) return;
    let live = true;
    preloadDocumentView().then(
      (done) => live && setModule(done),
      (error: unknown) =>
        live && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [module, wanted]);
  return { module, failure };
}
