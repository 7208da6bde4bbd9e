/** GET /containers/{id}/changes to a tree of the writable layer's changes. Pure. */
import type { ContainerChanges, DiffEntry, DiffKind, DiffNode } from '../../../shared/dto/containers';

/** The engine's Kind: 0 changed, 1 added, 2 deleted. */
const KINDS: Readonly<Record<number, DiffKind>> = { 0: 'changed', 1: 'added', 2: 'deleted' };

export function toDiffEntries(raw: readonly { Path: string; Kind: number }[] | null | undefined): DiffEntry[] {
  return (raw ?? []).map((c) => ({ path: c.Path, kind: KINDS[c.Kind] ?? 'changed' }));
}

interface MutableNode {
  name: string;
  path: string;
  kind: DiffKind | null;
  children: Map<string, MutableNode>;
}

function freeze(nodes: Map<string, MutableNode>): DiffNode[] {
  return [...nodes.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((n) => ({ name: n.name, path: n.path, kind: n.kind, children: freeze(n.children) }));
}

export function toDiffTree(entries: readonly DiffEntry[]): DiffNode[] {
  const root = new Map<string, MutableNode>();
  for (const entry of entries) {
    let level = root;
    let path = '';
    const parts = entry.path.split('/').filter((p) => p !== '');
    parts.forEach((name, i) => {
      path = `${path}/${name}`;
      let node = level.get(name);
      if (!node) {
        node = { name, path, kind: null, children: new Map() };
        level.set(name, node);
      }
      if (i === parts.length - 1) node.kind = entry.kind;
      level = node.children;
    });
  }
  return freeze(root);
}

export function toChanges(raw: readonly { Path: string; Kind: number }[] | null | undefined): ContainerChanges {
  const entries = toDiffEntries(raw);
  const counts = { added: 0, changed: 0, deleted: 0 };
  for (const e of entries) counts[e.kind] += 1;
  return { entries, tree: toDiffTree(entries), counts };
}
