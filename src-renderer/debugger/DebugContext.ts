import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Breakpoint } from '../../src-shared/runtime/debug';
import type { BreakpointState, BreakpointStore } from './breakpointStore';
import type { RunSessionState, RunSessionStore } from './runSession';

/**
 * What the canvas reads of the debugger: the run session shown on the document (null while it is
 * edited) and the document's breakpoints. Elements and connections read it through selectors that
 * return plain values, so with no run attached nothing they draw changes and nothing re-renders.
 */
export interface DebugContextValue {
  readonly session: RunSessionStore | null;
  readonly breakpoints: BreakpointStore | null;
  /** Every connection's ends, by connection id (where a map's events in flight are drawn). */
  readonly connectionEnds: ReadonlyMap<string, { source: string; target: string }>;
  /** How each connection is named to a person: "Charge payment → Ship order". */
  readonly connectionNames: ReadonlyMap<string, string>;
  /** A map's event type nodes: node id → event type. */
  readonly eventNodes: ReadonlyMap<string, string>;
}

export const DebugContext = createContext<DebugContextValue>({
  session: null,
  breakpoints: null,
  connectionEnds: new Map(),
  connectionNames: new Map(),
  eventNodes: new Map(),
});

/** The part of a session the overlay reads. */
export type OverlaySource = Pick<RunSessionState, 'view' | 'summary' | 'seq' | 'cursor'>;

const idleSession: StoreApi<OverlaySource> = createStore<OverlaySource>()(() => ({
  view: null,
  summary: null,
  seq: 0,
  cursor: 'live',
}));
const noBreakpoints = createStore<Pick<BreakpointState, 'breakpoints'>>()(() => ({
  breakpoints: [],
}));

export function useDebugContext(): DebugContextValue {
  return useContext(DebugContext);
}

/** The run session shown on this document, or null while it is edited. */
export function useRunSessionStore(): RunSessionStore | null {
  return useContext(DebugContext).session;
}

/** Reads the attached run (the selector sees an idle session while none is attached). */
export function useRunOverlay<T>(selector: (state: OverlaySource) => T): T {
  const session = useContext(DebugContext).session;
  return useStore(session ?? idleSession, selector);
}

/** The breakpoint on an element, connection or event type, or undefined. */
export function useBreakpointAt(kind: Breakpoint['kind'], target: string): Breakpoint | undefined {
  const store = useContext(DebugContext).breakpoints;
  return useStore(store ?? noBreakpoints, (state) =>
    state.breakpoints.find((item) => item.kind === kind && item.target === target),
  );
}
