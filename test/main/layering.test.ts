import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The layering rules of STYLE.md, checked by running the project's real ESLint config on probe
 * files written into each layer (then removed).
 */
const root = process.cwd();
const eslint = new ESLint({ cwd: root });
const probes: string[] = [];

async function lintProbe(folder: string, source: string, extension = 'ts') {
  const path = join(root, folder, `layering-probe-${randomUUID().slice(0, 8)}.${extension}`);
  probes.push(path);
  writeFileSync(path, source);
  const [result] = await eslint.lintFiles([path]);
  rmSync(path, { force: true });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports');
}

afterAll(() => probes.forEach((path) => rmSync(path, { force: true })));

// The first lint builds a type-aware program of the whole project: slow on a busy machine.
describe('layering lint', { timeout: 60_000 }, () => {
  it.each([
    ['electron', "import { app } from 'electron';\nexport const x = app;\n"],
    ['node:fs', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['react', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['better-sqlite3', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    [
      'src-main',
      "import { migrations } from '../src-main/storage/migrations';\nexport const x = migrations;\n",
    ],
  ])('fails when src-shared imports %s', async (_name, source) => {
    const errors = await lintProbe('src-shared', source);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('src-shared is pure TypeScript');
  });

  it('lets src-shared import zod and its own modules', async () => {
    const errors = await lintProbe(
      'src-shared',
      "import { z } from 'zod';\nimport { FORMAT_VERSION } from './model/document';\nexport const x = [z, FORMAT_VERSION];\n",
    );
    expect(errors).toEqual([]);
  });

  it('fails when the renderer imports the main side or Node', async () => {
    const errors = await lintProbe(
      'src-renderer',
      "import { migrations } from '../src-main/storage/migrations';\nimport { readFileSync } from 'node:fs';\nexport const x = [migrations, readFileSync];\n",
    );
    expect(errors).toHaveLength(2);
  });

  it('fails when the main side imports the renderer', async () => {
    const errors = await lintProbe(
      'src-main',
      "import { App } from '../src-renderer/app/App';\nexport const x = App;\n",
    );
    expect(errors).toHaveLength(1);
  });
});
