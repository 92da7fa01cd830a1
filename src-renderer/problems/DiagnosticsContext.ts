import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Diagnostic } from '../../src-shared/validation/Diagnostic';
import type { DiagnosticsState, DiagnosticsStore } from './diagnosticsStore';

export const DiagnosticsContext = createContext<DiagnosticsStore | null>(null);

const NONE: readonly Diagnostic[] = [];

/** What a canvas shows outside a `DiagnosticsProvider`: nothing checked, no problems. */
const unchecked: DiagnosticsStore = createStore<DiagnosticsState>()(() => ({
  diagnostics: NONE,
  byElement: new Map(),
  documentLevel: NONE,
  checked: false,
  validations: 0,
  failure: null,
  connect: () => () => undefined,
  reloadWorkspace: () => Promise.resolve(),
}));

/** Reads the open document's problems (nothing, outside a `DiagnosticsProvider`). */
export function useProblems<T>(selector: (state: DiagnosticsState) => T): T {
  return useStore(useContext(DiagnosticsContext) ?? unchecked, selector);
}

/** The problems of one element or connection; the same array until they change. */
export function useElementProblems(id: string): readonly Diagnostic[] {
  return useProblems((state) => state.byElement.get(id) ?? NONE);
}
