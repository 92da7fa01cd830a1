// Starts the built web host as a separate process (as `npm start -- --web` does) and stops it
// the way a person does, with Ctrl+C (SIGINT), or the way a crash does (SIGKILL). Used by the end-to-end tests and benchmarks.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from './build-if-needed.mjs';

/** Resolves once the host printed its address: `{ url, origin, token, output, stop() }`. */
export function startHostProcess({ db, port = 0, timeoutMs = 20_000 }) {
  const child = spawn(
    process.execPath,
    [join(root, 'out/main/server.js'), '--db', db, '--port', String(port), '--no-open'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the web host did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const match = /Open:\s+(http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+))/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        origin: `http://127.0.0.1:${match[2]}`,
        token: match[3],
        output: () => output,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill('SIGINT');
          }),
        kill: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the web host exited with code ${code}:\n${output}`));
    });
  });
}
