/** Images with their layers and the containers made from each: what the relationships view draws. */
export interface ImageNode {
  readonly id: string;
  readonly repoTags: readonly string[];
  readonly repoDigests: readonly string[];
  /** Layer digests (RootFS), bottom first. */
  readonly layers: readonly string[];
  /** Epoch ms. */
  readonly created: number;
}

export interface ContainerNode {
  readonly id: string;
  readonly name: string;
  /** The image reference the container was created with, as the user typed it. */
  readonly image: string;
  /** The image it really runs: an id, which stays the same when the name later moves to a newer image. */
  readonly imageId: string;
  readonly state: string;
  /** Bytes in its writable layer (the engine's SizeRw), when the engine measured it. */
  readonly sizeRw?: number;
}

export interface Relationships {
  readonly images: readonly ImageNode[];
  readonly containers: readonly ContainerNode[];
}
