export declare const root: string;
export declare function buildIsStale(): boolean;
export declare function buildIfNeeded(options?: { quiet?: boolean }): void;
