import type { Browser } from 'playwright-core';
export declare function findChromium(options?: { install?: boolean }): string;
export declare function launchChromium(executablePath?: string): Promise<Browser>;
