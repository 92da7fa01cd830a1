import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorStore, EditorStoreState } from './editorStore';

export const EditorContext = createContext<EditorStore | null>(null);

/** The open document's store (for actions outside render). */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditor needs an <EditorContext.Provider>');
  return store;
}

/** Reads from the open document's store. */
export function useEditor<T>(selector: (state: EditorStoreState) => T): T {
  return useStore(useEditorStore(), selector);
}
