import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { WorkspaceState, WorkspaceStore } from './workspaceStore';

export const WorkspaceContext = createContext<WorkspaceStore | null>(null);

/** Reads from the workspace store of the nearest provider. */
export function useWorkspace<T>(selector: (state: WorkspaceState) => T): T {
  const store = useContext(WorkspaceContext);
  if (!store) throw new Error('useWorkspace needs a <WorkspaceContext.Provider>');
  return useStore(store, selector);
}
