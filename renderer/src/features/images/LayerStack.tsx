import type { ImageStep } from '../../../../shared/dto/images';
import { formatBytes } from '../../ui/format-bytes';

const HEIGHT = 320;
const MIN_BLOCK = 8;

/**
 * The filesystem layers as a stack, oldest at the bottom, each block as tall as its share of the bytes (with a
 * floor so tiny layers stay visible). Shared layers are shaded differently from this image's own.
 */
export function LayerStack({ steps }: { steps: readonly ImageStep[] }) {
  const layers = steps.filter((s) => s.layer !== null);
  const total = layers.reduce((sum, s) => sum + s.size, 0);
  const spare = HEIGHT - MIN_BLOCK * layers.length;
  return (
    <figure className="layer-stack" aria-label="Layers stacked by size, oldest at the bottom">
      <div className="layer-stack-blocks" style={{ height: HEIGHT }}>
        {[...layers].reverse().map((s) => {
          const height = MIN_BLOCK + (total > 0 ? (Math.max(spare, 0) * s.size) / total : 0);
          const shared = s.sharedWith.length > 0;
          const label = `Step ${s.index + 1}: ${s.instruction || '(no instruction recorded)'}, ${formatBytes(s.size)}${shared ? ', shared' : ''}`;
          return (
            <div
              key={s.index}
              className={shared ? 'layer-block layer-shared' : 'layer-block'}
              style={{ height }}
              title={label}
              role="img"
              aria-label={label}
            >
              {height >= 22 && (
                <span className="layer-block-text">
                  {s.index + 1}. {s.instruction.split(' ')[0]} · {formatBytes(s.size)}
                </span>
              )}
            </div>
          );
        })}
      </div>
      <figcaption className="layer-legend">
        <span>
          <i className="swatch layer-own" /> only this image
        </span>
        <span>
          <i className="swatch layer-shared" /> shared with other images
        </span>
      </figcaption>
    </figure>
  );
}
