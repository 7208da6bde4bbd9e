/** Pure: the words the layer views use for a layer and its step. */
import type { LayerSummary } from '../../../../shared/dto/layers';

const shortInstruction = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** `Layer 3 of 6 · step 5: RUN apk add curl` (numbers from 1, as people count). */
export function layerTitle(layer: LayerSummary, count: number): string {
  const step = layer.step ? ` · step ${layer.step.index + 1}: ${shortInstruction(layer.step.instruction)}` : '';
  return `Layer ${layer.index + 1} of ${count}${step}`;
}
