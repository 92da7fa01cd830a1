export interface HostProcess {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  output(): string;
  /** Stops the host with SIGINT (Ctrl+C) and resolves with its exit code. */
  stop(): Promise<number | null>;
  /** Kills the host with SIGKILL, as a crash would: no flush, no goodbye. */
  kill(): Promise<void>;
}
export declare function startHostProcess(options: {
  db: string;
  port?: number;
  timeoutMs?: number;
}): Promise<HostProcess>;
