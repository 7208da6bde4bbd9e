// Fails on an import cycle among the project's TypeScript files. Type-only imports count too: a cycle of types
// is still two files that cannot be understood (or moved) one without the other.
// Usage: node scripts/check-cycles.mjs [root ...]   (default: shared electron renderer/src)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const EXTENSIONS = ['.ts', '.tsx', '.mts'];
const SKIP = new Set(['node_modules', 'out', 'dist', '.git', 'test-results']);
// `import ... from 'x'`, `export ... from 'x'`, `import 'x'`, `import('x')`: the specifier is all we need.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/** Every TypeScript source under the roots (declaration files excluded). */
export function listSources(roots) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  for (const root of roots) if (fs.existsSync(root)) walk(root);
  return files;
}

/** Strips comments so that an import named in a doc comment does not count. */
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

function resolveImport(from, specifier, known) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
  ];
  return candidates.find((candidate) => known.has(candidate)) ?? null;
}

/** The import graph: file -> the project files it imports. */
export function importGraph(files) {
  const known = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const targets = new Set();
    for (const match of withoutComments(fs.readFileSync(file, 'utf8')).matchAll(SPECIFIER)) {
      const target = resolveImport(file, match[1], known);
      if (target !== null && target !== file) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** Strongly connected components of more than one file (Tarjan, iterative): each is at least one cycle. */
export function findCycles(graph) {
  let index = 0;
  const indexOf = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const cycles = [];
  for (const start of graph.keys()) {
    if (indexOf.has(start)) continue;
    const work = [[start, 0]];
    indexOf.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, next] = frame;
      const edges = graph.get(node) ?? [];
      if (next < edges.length) {
        frame[1]++;
        const target = edges[next];
        if (!indexOf.has(target)) {
          indexOf.set(target, index);
          low.set(target, index++);
          stack.push(target);
          onStack.add(target);
          work.push([target, 0]);
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node), indexOf.get(target)));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent[0], Math.min(low.get(parent[0]), low.get(node)));
      if (low.get(node) === indexOf.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  const roots = (args.length > 0 ? args : ['shared', 'electron', 'renderer/src']).map((r) => path.resolve(root, r));
  const files = listSources(roots);
  const cycles = findCycles(importGraph(files));
  if (cycles.length === 0) {
    console.log(`cycles: none among ${files.length} files.`);
  } else {
    console.error(`cycles: ${cycles.length} import cycle(s); each group below imports itself through its members:`);
    for (const cycle of cycles) console.error(`  - ${cycle.map((f) => path.relative(root, f)).join('\n    ')}`);
    process.exit(1);
  }
}
