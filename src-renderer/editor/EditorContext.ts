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

/** Whether this document is the tab in front: only it takes keyboard shortcuts and menu commands. */
export const DocumentActiveContext = createContext(true);

export function useDocumentActive(): boolean {
  return useContext(DocumentActiveContext);
}
