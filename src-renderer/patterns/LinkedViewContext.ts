import { createContext, useContext } from 'react';
import type { PatternCounterpart } from '../../src-shared/contract/contract';

/** The open document's pattern lab counterpart and whether it is shown side by side. */
export interface LinkedView {
  readonly counterpart: PatternCounterpart | null;
  readonly shown: boolean;
  readonly show: () => void;
  readonly close: () => void;
}

const none: LinkedView = { counterpart: null, shown: false, show: () => {}, close: () => {} };

export const LinkedViewContext = createContext<LinkedView>(none);

/** The counterpart of the open document, for the Pattern lab menu and the side-by-side pane. */
export function useLinkedView(): LinkedView {
  return useContext(LinkedViewContext);
}
