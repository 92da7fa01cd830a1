import { BatonError } from '../../src-shared/contract/errors';
import { createIpcPlatform } from './ipcPlatform';
import type { Platform } from './Platform';
import { createWebPlatform, takeToken } from './webPlatform';

/** The desktop bridge when the preload provided one; the web host otherwise. */
export function detectPlatform(): Platform {
  if (window.baton) return createIpcPlatform(window.baton);
  const token = takeToken(window.location, window.sessionStorage, window.history);
  if (!token) {
    throw new BatonError(
      'unauthorized',
      'This page needs the address Baton printed when it started (it ends with #token=…).',
    );
  }
  return createWebPlatform(window.location.origin, token);
}
