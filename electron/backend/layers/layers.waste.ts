/**
 * Pure: wasted space. A file that a later layer overwrites or deletes is hidden from the container but its bytes
 * still ship in the earlier layer. The efficiency score is dive's (wagoodman/dive, image/efficiency.go): for every
 * path, the smallest size it had in any layer, summed over paths, divided by the sum of every size it had in every
 * layer (a whiteout counts the bytes it hides); 1 when the layers hold nothing.
 */
import { MAX_WASTE_ITEMS, type LayerStep, type LayerWaste, type WasteItem } from '../../../shared/dto/layers';
import { MergedTree } from './layers.merge';
import type { IndexedLayer } from './layers.types';

/** Bytes as `docker images` writes them (powers of 1000): 120 MB. */
export function sizeInWords(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const shown = unit === 0 || value >= 100 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${units[unit]}`;
}

const stepName = (step: LayerStep | null, layer: number): string =>
  step ? `step ${step.index + 1} (${clip(step.instruction)})` : `layer ${layer + 1}`;

const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** One sentence for a pair of steps a newcomer can act on. */
export function adviceFor(
  how: WasteItem['how'],
  bytes: number,
  wrote: { step: LayerStep | null; layer: number },
  hid: { step: LayerStep | null; layer: number },
): string {
  const writer = stepName(wrote.step, wrote.layer);
  const hider = stepName(hid.step, hid.layer);
  const size = sizeInWords(bytes);
  if (how === 'overwritten')
    return `${capital(writer)} writes ${size} that ${hider} overwrites: the first copy still ships in the image; write those files once, in one step.`;
  const fix = wrote.step?.instruction.startsWith('RUN ')
    ? 'do both in one RUN'
    : 'leave them out of the image (a .dockerignore, or a build stage you copy only the result from)';
  return `${capital(writer)} adds ${size} that ${hider} deletes: they still ship in the image; ${fix}.`;
}

export function computeWaste(
  image: string,
  layers: readonly IndexedLayer[],
  steps: readonly (LayerStep | null)[],
): LayerWaste {
  const items: WasteItem[] = [];
  const tree = new MergedTree();
  // dive's score: per path, the sum of its sizes across layers and the smallest of them.
  const cumulative = new Map<string, { sum: number; min: number }>();
  const seen = (path: string, size: number) => {
    const slot = cumulative.get(path);
    if (slot) {
      slot.sum += size;
      slot.min = Math.min(slot.min, size);
    } else cumulative.set(path, { sum: size, min: size });
  };
  let total = 0;
  layers.forEach((layer, index) => {
    for (const path of layer.deleted) seen(path, tree.bytesBelow(path, true));
    for (const entry of layer.entries) {
      total += entry.size;
      seen(entry.path, entry.size);
    }
    tree.apply(layer, index, (hidden) => {
      if (hidden.entry.size <= 0) return;
      items.push({
        path: hidden.entry.path,
        bytes: hidden.entry.size,
        wroteLayer: hidden.wroteLayer,
        hidLayer: hidden.hidLayer,
        wroteStep: steps[hidden.wroteLayer] ?? null,
        hidStep: steps[hidden.hidLayer] ?? null,
        how: hidden.how,
      });
    });
  });
  items.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
  const wasted = items.reduce((sum, item) => sum + item.bytes, 0);
  let minimum = 0;
  let discovered = 0;
  for (const { sum, min } of cumulative.values()) {
    minimum += min;
    discovered += sum;
  }
  const pairs = new Map<string, { how: WasteItem['how']; bytes: number; wrote: number; hid: number }>();
  for (const item of items) {
    const key = `${item.wroteLayer}>${item.hidLayer}>${item.how}`;
    const pair = pairs.get(key) ?? { how: item.how, bytes: 0, wrote: item.wroteLayer, hid: item.hidLayer };
    pair.bytes += item.bytes;
    pairs.set(key, pair);
  }
  const advice = [...pairs.values()]
    .sort((a, b) => b.bytes - a.bytes)
    .map((p) =>
      adviceFor(
        p.how,
        p.bytes,
        { step: steps[p.wrote] ?? null, layer: p.wrote },
        { step: steps[p.hid] ?? null, layer: p.hid },
      ),
    );
  return {
    image,
    wasted,
    total,
    efficiency: discovered === 0 ? 1 : minimum / discovered,
    items: items.slice(0, MAX_WASTE_ITEMS),
    truncated: items.length > MAX_WASTE_ITEMS,
    advice,
  };
}
