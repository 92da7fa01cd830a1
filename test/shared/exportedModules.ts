import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const require = createRequire(import.meta.url);

/** The folder xstate is installed in (its package root), to link from a bare temp dir. */
const xstateRoot = dirname(require.resolve('xstate/package.json'));

/**
 * A temporary folder where only `xstate` resolves: modules written here are checked and run the
 * way a user's project would, with no path back to Baton's sources.
 */
export function bareProject(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'baton-exported-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(xstateRoot, join(dir, 'node_modules', 'xstate'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Strict options a careful user would compile with (unused names are errors too). */
const strictOptions: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noUncheckedIndexedAccess: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  skipLibCheck: true,
  types: [],
};

/** Type-checks TypeScript files with the compiler API; returns the problems as text lines. */
export function typeCheck(files: readonly string[]): string[] {
  const program = ts.createProgram(files, strictOptions);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}`
      : '';
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

/** Writes a module's TypeScript, transpiles it to JavaScript beside it and imports that. */
export async function importModule(dir: string, name: string, source: string): Promise<unknown> {
  writeFileSync(join(dir, `${name}.ts`), source);
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, outputText);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as unknown;
}
