import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findCycles, importGraph, listSources } from './check-cycles.mjs';

const SCRIPT = fileURLToPath(new URL('./check-cycles.mjs', import.meta.url));

describe('check-cycles', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tree = (files: Record<string, string>) => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'berth-cycles-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return findCycles(importGraph(listSources([dir]))).map((cycle) => cycle.map((f) => path.relative(dir, f)));
  };
  const run = () => {
    try {
      return { code: 0, out: execFileSync('node', [SCRIPT, dir], { encoding: 'utf8', stdio: 'pipe' }) };
    } catch (error) {
      const e = error as { status: number; stderr: string };
      return { code: e.status, out: e.stderr };
    }
  };

  it('finds a cycle through a type-only import and an index file, and the command fails on it', () => {
    const cycles = tree({
      'a.ts': "import type { B } from './b';\nexport type A = B;\n",
      'b.ts': "import { c } from './c/index';\nexport type B = string;\nexport const b = c;\n",
      'c/index.ts': "export { a } from '../d';\nexport const c = 1;\n",
      'd.ts': "import type { A } from './a';\nexport const a: A | undefined = undefined;\n",
      'e.ts': "import { c } from './c';\nexport const e = c;\n",
    });
    expect(cycles).toEqual([['a.ts', 'b.ts', 'c/index.ts', 'd.ts']]);
    const result = run();
    expect(result.code).toBe(1);
    expect(result.out).toContain('1 import cycle');
  });

  it('passes a tree whose arrows point one way, ignoring imports named in comments and packages', () => {
    const cycles = tree({
      'a.ts':
        "// import { b } from './b';\n/* import { c } from './c'; */\nimport { z } from 'zod';\nexport const a = z;\n",
      'b.ts': "import { a } from './a';\nexport const b = a;\n",
      'c.tsx': "import { b } from './b';\nexport const c = b;\n",
    });
    expect(cycles).toEqual([]);
    expect(run().code).toBe(0);
  });
});
