import type { Client, Subscribe } from '../../src-shared/contract/contract';

/** Everything the UI can ask of the main side; the only door out of the renderer. */
export interface Platform {
  readonly kind: 'desktop' | 'browser' | 'in-process';
  readonly client: Client;
  readonly subscribe: Subscribe;
}
