export interface HostProcess {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  output(): string;
  /** Stops the host with SIGINT (Ctrl+C) and resolves with its exit code. */
  stop(): Promise<number | null>;
}
export declare function startHostProcess(options: {
  db: string;
  port?: number;
  timeoutMs?: number;
}): Promise<HostProcess>;
