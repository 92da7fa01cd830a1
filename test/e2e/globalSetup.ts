import type { TestProject } from 'vitest/node';
import { buildIfNeeded } from '../../scripts/build-if-needed.mjs';
import { findChromium } from '../../scripts/chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

/** Builds the app when sources changed and finds (or installs) Chromium, once per run. */
export default function setup(project: TestProject) {
  buildIfNeeded({ quiet: true });
  project.provide('chromiumPath', findChromium());
}
