/**
 * The relationships picture's geometry, from the engine's own images and containers. The engine stores a layer once
 * for every image built on the same layers below it, so the images form a tree of layers from their base up: a
 * shared layer is one node with a line to each image (or layer) built on it. Each tree (one base) is a group of
 * its own; each image sits above its top layer, and each container above its image with its writable layer. Pure.
 */
import type { ContainerNode, ImageNode, Relationships } from '../../../../shared/dto/learn';

export const COLUMN = 150;
export const ROW = 30;
export const BOX_W = 130;
export const BOX_H = 22;

export interface LayerBox {
  readonly key: string;
  readonly digest: string;
  /** 0 for the bottom layer. */
  readonly depth: number;
  readonly x: number;
  readonly y: number;
  /** Names of the images that use this layer. */
  readonly usedBy: readonly string[];
}

export interface ImageBox {
  readonly image: ImageNode;
  readonly name: string;
  readonly x: number;
  readonly y: number;
}

export interface ContainerBox {
  readonly container: ContainerNode;
  readonly x: number;
  readonly y: number;
  /** Width of the writable layer's bar, from its size (log scale, so a few bytes still show). */
  readonly writableWidth: number;
  /** Its image's tag now names another image. */
  readonly stale: boolean;
}

export interface Line {
  readonly from: { readonly x: number; readonly y: number };
  readonly to: { readonly x: number; readonly y: number };
}

export interface Group {
  /** The bottom layer's digest. */
  readonly base: string;
  readonly width: number;
  readonly height: number;
  readonly layers: readonly LayerBox[];
  readonly images: readonly ImageBox[];
  readonly containers: readonly ContainerBox[];
  readonly lines: readonly Line[];
}

export const imageName = (image: ImageNode): string =>
  image.repoTags[0] ?? image.id.replace(/^sha256:/, '').slice(0, 12);

interface TrieNode {
  readonly key: string;
  readonly digest: string;
  readonly depth: number;
  readonly children: TrieNode[];
  /** Images whose top layer this is. */
  readonly ends: ImageNode[];
  readonly users: string[];
}

/** Width of the writable layer's bar: 6 px for an empty one, up to BOX_W - 40 for a gigabyte. */
export function writableWidth(bytes: number | undefined): number {
  if (bytes === undefined || bytes <= 0) return 6;
  return Math.round(Math.min(BOX_W - 40, 6 + (Math.log10(bytes + 1) / 9) * (BOX_W - 46)));
}

export function layoutRelationships(graph: Relationships): readonly Group[] {
  const roots = new Map<string, TrieNode>();
  const nodes = new Map<string, TrieNode>();
  for (const image of graph.images) {
    if (image.layers.length === 0) continue;
    let key = '';
    let parent: TrieNode | undefined;
    image.layers.forEach((digest, depth) => {
      key = `${key}/${digest}`;
      let node = nodes.get(key);
      if (!node) {
        node = { key, digest, depth, children: [], ends: [], users: [] };
        nodes.set(key, node);
        if (parent) parent.children.push(node);
        else roots.set(key, node);
      }
      node.users.push(imageName(image));
      parent = node;
    });
    parent?.ends.push(image);
  }
  const byTag = new Map<string, string>();
  for (const image of graph.images) for (const tag of image.repoTags) byTag.set(tag, image.id);
  const containersOf = (image: ImageNode) => graph.containers.filter((c) => c.imageId === image.id);

  const groups: Group[] = [];
  for (const root of [...roots.values()].sort(
    (a, b) => b.users.length - a.users.length || a.key.localeCompare(b.key),
  )) {
    const maxDepth = deepest(root);
    const maxContainers = Math.max(0, ...allEnds(root).map((image) => containersOf(image).length));
    // Rows from the top: containers, then images, then layers from the deepest down to the base.
    const imageRow = maxContainers;
    const layerY = (depth: number) => (imageRow + 1 + (maxDepth - depth)) * ROW + 10;
    const layers: LayerBox[] = [];
    const images: ImageBox[] = [];
    const containers: ContainerBox[] = [];
    const lines: Line[] = [];
    let column = 0;
    /** Places a node's subtree; returns the x of the node's centre. */
    const place = (node: TrieNode): number => {
      const xs: number[] = [];
      const y = layerY(node.depth);
      // Lines from what sits on this node to its top centre, which is known once they are placed.
      const above: { x: number; y: number }[] = [];
      for (const image of node.ends) {
        const x = column++ * COLUMN + 10;
        const imageY = imageRow * ROW + 10;
        images.push({ image, name: imageName(image), x, y: imageY });
        containersOf(image).forEach((container, i) => {
          const reference = /:[^/]+$|@/.test(container.image) ? container.image : `${container.image}:latest`;
          const named = byTag.get(reference);
          containers.push({
            container,
            x,
            y: (imageRow - 1 - i) * ROW + 10,
            writableWidth: writableWidth(container.sizeRw),
            stale: named !== undefined && named !== container.imageId,
          });
        });
        xs.push(x);
        above.push({ x: x + BOX_W / 2, y: imageY + BOX_H });
      }
      for (const child of node.children) {
        const childX = place(child);
        xs.push(childX);
        above.push({ x: childX + BOX_W / 2, y: layerY(child.depth) + BOX_H });
      }
      const x = xs.length === 0 ? column++ * COLUMN + 10 : (Math.min(...xs) + Math.max(...xs)) / 2;
      for (const from of above) lines.push({ from, to: { x: x + BOX_W / 2, y } });
      layers.push({ key: node.key, digest: node.digest, depth: node.depth, x, y, usedBy: node.users });
      return x;
    };
    place(root);
    groups.push({
      base: root.digest,
      width: column * COLUMN + 20,
      height: layerY(0) + BOX_H + 10,
      layers: layers.sort((a, b) => a.depth - b.depth || a.x - b.x),
      images,
      containers,
      lines,
    });
  }
  return groups;
}

function deepest(node: TrieNode): number {
  return Math.max(node.depth, ...node.children.map(deepest));
}

function allEnds(node: TrieNode): ImageNode[] {
  return [...node.ends, ...node.children.flatMap(allEnds)];
}
