import { createContext, useContext } from 'react';
import type { Platform } from './Platform';

export const PlatformContext = createContext<Platform | null>(null);

/** The platform the app was started with. */
export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('usePlatform needs a <PlatformContext.Provider>');
  return platform;
}
