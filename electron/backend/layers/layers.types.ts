import type { LayerEntry } from '../../../shared/dto/layers';

/** One layer's tar as headers: its entries without whiteouts, and the whiteouts as paths. Stored per diff id. */
export interface IndexedLayer {
  readonly diffId: string;
  /** In tar order. */
  readonly entries: readonly LayerEntry[];
  /** Paths a `.wh.<name>` deletes from the lower layers. */
  readonly deleted: readonly string[];
  /** Folders a `.wh..wh..opq` empties of everything the lower layers put there. */
  readonly opaque: readonly string[];
}
