import type { ReactNode } from 'react';
import { DiagnosticsContext } from './DiagnosticsContext';
import { useDiagnostics } from './useDiagnostics';

/**
 * Checks the open document while mounted and shares its problems with the problems panel and the
 * canvas's badges. Goes inside the `EditorContext.Provider` (and the `PlatformContext`).
 */
export function DiagnosticsProvider({
  children,
  delayMs,
}: {
  children: ReactNode;
  delayMs?: number;
}) {
  const store = useDiagnostics(delayMs);
  return <DiagnosticsContext.Provider value={store}>{children}</DiagnosticsContext.Provider>;
}
