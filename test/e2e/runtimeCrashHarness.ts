import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { comparableReport } from '../../src-shared/runtime/runReport';
import { Runtime, type StartOptions } from '../../src-main/runtime/Runtime';
import { RunStore } from '../../src-main/runtime/RunStore';
import { closeWorkspace, openWorkspace } from '../../src-main/storage/openWorkspace';

/** The child the crash test kills, run from the repository root with tsx's loader. */
export const CHILD = 'test/e2e/runtimeCrashChild.ts';

/** What one launch of the child said and how it ended. */
export interface Launch {
  /** Complete lines of its stdout, in order (a line cut by the kill is dropped). */
  readonly lines: readonly string[];
  /** Killed with SIGKILL, as planned; false when it ended by itself first. */
  readonly killed: boolean;
  /** Killed because it outlived `timeoutMs`. */
  readonly timedOut: boolean;
  readonly code: number | null;
  readonly stderr: string;
  /** Wall ms from spawn to exit. */
  readonly ms: number;
}

/** When to kill: `ms` after the child prints a line starting with `after`. */
export interface KillPlan {
  readonly after: 'ready' | 'resumed';
  readonly ms: number;
}

/**
 * Launches the child on a workspace file. With a kill plan, kills it with SIGKILL that long after
 * the line it names (so that the kill lands in the runtime's work rather than in Node's start-up);
 * otherwise waits for it to end.
 */
export function launchChild(
  file: string,
  options: { readonly kill?: KillPlan; readonly timeoutMs: number },
): Promise<Launch> {
  const began = performance.now();
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  const lines: string[] = [];
  let pending = '';
  let stderr = '';
  let killed = false;
  let timedOut = false;
  let killTimer: NodeJS.Timeout | undefined;
  const kill = () => {
    killed = child.kill('SIGKILL') || killed;
  };
  const guard = setTimeout(() => {
    timedOut = child.kill('SIGKILL');
  }, options.timeoutMs);
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      if (options.kill && !killTimer && line.split(' ')[0] === options.kill.after)
        killTimer = setTimeout(kill, options.kill.ms);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      clearTimeout(killTimer);
      resolve({
        lines,
        killed: killed && !timedOut && signal === 'SIGKILL',
        timedOut,
        code,
        stderr,
        ms: performance.now() - began,
      });
    });
  });
}

/** A restart point after which the resumed run reported something else. */
export interface Divergence {
  /** The run was stopped after this many batches (each batch is one transaction). */
  readonly afterBatch: number;
  /** The report's fields that differ from the uninterrupted run's. */
  readonly fields: readonly string[];
}

/**
 * Runs one run uninterrupted, keeping a byte copy of the workspace after every batch: what a kill
 * -9 at any moment of the next batch leaves on disk, since a batch is one transaction. Then, for
 * each copy, opens it afresh, resumes the run to its end and compares its report with the
 * uninterrupted one: a restart at every point of the run, deterministically.
 */
export async function restartAtEveryBatch(
  start: StartOptions,
): Promise<{ batches: number; divergences: Divergence[] }> {
  const db = openWorkspace({ path: ':memory:' });
  const runtime = new Runtime({ store: new RunStore(db) });
  const runId = runtime.start(start).uid;
  const copies: Buffer[] = [];
  while ((await runtime.processBatch()).stepped > 0) copies.push(db.serialize());
  const expected = comparableReport(runtime.report(runId));
  closeWorkspace(db);
  const divergences: Divergence[] = [];
  for (const [index, copy] of copies.slice(0, -1).entries()) {
    const reopened = new Database(copy);
    const resumed = new Runtime({ store: new RunStore(reopened) });
    resumed.resumeAll();
    await resumed.runUntilIdle();
    const report = comparableReport(resumed.report(runId));
    reopened.close();
    const fields = (Object.keys(expected) as (keyof typeof expected)[]).filter(
      (field) => !isDeepStrictEqual(report[field], expected[field]),
    );
    if (fields.length > 0) divergences.push({ afterBatch: index + 1, fields });
  }
  return { batches: copies.length, divergences };
}
