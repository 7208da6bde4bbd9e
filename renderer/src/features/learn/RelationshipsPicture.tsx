import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Relationships } from '../../../../shared/dto/learn';
import { useBerth } from '../../app/store';
import { formatBytes } from '../../ui/format-bytes';
import { BOX_H, BOX_W, layoutRelationships, type Group } from './relationships-layout';

const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
/** Groups with more images than this start folded, so a big engine opens readable. */
const OPEN_UP_TO = 12;

/** Enter or Space on a focused node opens its page, as a click does. */
const activate = (open: () => void) => ({
  onClick: open,
  onKeyDown: (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  },
});

function GroupPicture({ group, zoom }: { group: Group; zoom: number }) {
  const navigate = useBerth((s) => s.navigate);
  const firstImageWith = (key: string) =>
    group.images.find((i) => i.image.layers.join('/').startsWith(key.slice(1)))?.image.id;
  return (
    <svg
      className="rel-picture"
      width={group.width * zoom}
      height={group.height * zoom}
      viewBox={`0 0 ${group.width} ${group.height}`}
      role="group"
      aria-label={`Images built on layer ${short(group.base)}`}
    >
      {group.lines.map((line, i) => (
        <line key={i} x1={line.from.x} y1={line.from.y} x2={line.to.x} y2={line.to.y} className="rel-line" />
      ))}
      {group.layers.map((layer) => {
        const imageId = firstImageWith(layer.key);
        const shared = layer.usedBy.length > 1;
        return (
          <g
            key={layer.key}
            role="link"
            tabIndex={0}
            className="rel-node"
            aria-label={`Layer ${short(layer.digest)}, ${shared ? `shared by ${layer.usedBy.length} images: ${layer.usedBy.join(', ')}` : `used by ${layer.usedBy[0] ?? 'one image'}`}`}
            {...activate(() => imageId && navigate({ section: 'images', id: imageId, tab: 'layers' }))}
          >
            <title>{`${layer.digest}\nused by ${layer.usedBy.join(', ')}`}</title>
            <rect
              x={layer.x}
              y={layer.y}
              width={BOX_W}
              height={BOX_H}
              rx={4}
              className={shared ? 'rel-layer rel-layer-shared' : 'rel-layer'}
            />
            <text x={layer.x + 8} y={layer.y + 15} className="rel-text mono">
              {short(layer.digest)}
            </text>
            {shared && (
              <text x={layer.x + BOX_W - 8} y={layer.y + 15} className="rel-text" textAnchor="end">
                ×{layer.usedBy.length}
              </text>
            )}
          </g>
        );
      })}
      {group.images.map(({ image, name, x, y }) => (
        <g
          key={image.id}
          role="link"
          tabIndex={0}
          className="rel-node"
          aria-label={`Image ${name}, ${image.layers.length} layers${image.repoTags.length > 1 ? `, also tagged ${image.repoTags.slice(1).join(', ')}` : ''}`}
          {...activate(() => navigate({ section: 'images', id: image.id }))}
        >
          <title>{[name, ...image.repoTags.slice(1), image.id].join('\n')}</title>
          <rect x={x} y={y} width={BOX_W} height={BOX_H} rx={4} className="rel-image" />
          <text x={x + 8} y={y + 15} className="rel-text rel-image-text">
            {name.length > 18 ? `${name.slice(0, 17)}…` : name}
          </text>
        </g>
      ))}
      {group.containers.map(({ container, x, y, writableWidth, stale }) => (
        <g
          key={container.id}
          role="link"
          tabIndex={0}
          className="rel-node"
          aria-label={`Container ${container.name}, ${container.state}, writable layer ${container.sizeRw === undefined ? 'size unknown' : formatBytes(container.sizeRw)}${stale ? `, still on an image that ${container.image} no longer names` : ''}`}
          {...activate(() => navigate({ section: 'containers', id: container.id, tab: 'overview' }))}
        >
          <title>{`${container.name} (${container.state})${stale ? `\n${container.image} now names a newer image` : ''}`}</title>
          <rect
            x={x}
            y={y}
            width={BOX_W}
            height={BOX_H}
            rx={6}
            className={stale ? 'rel-container rel-container-stale' : 'rel-container'}
          />
          <rect x={x + 4} y={y + 4} width={writableWidth} height={BOX_H - 8} rx={2} className="diagram-writable" />
          <text x={x + writableWidth + 10} y={y + 15} className="rel-text">
            {container.name.length > 14 ? `${container.name.slice(0, 13)}…` : container.name}
          </text>
        </g>
      ))}
    </svg>
  );
}

/**
 * The user's own engine drawn as the seed's idea: read-only layers stored once and shared, an image on top of its
 * layers, and each container on top of its image with its thin writable layer.
 */
export function RelationshipsPicture({ graph }: { graph: Relationships }) {
  const groups = useMemo(() => layoutRelationships(graph), [graph]);
  const [zoomIndex, setZoomIndex] = useState(2);
  const zoom = ZOOMS[zoomIndex] ?? 1;
  const pane = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    // Only a drag on the background pans; a press on a node is a click.
    if (!pane.current || (e.target as Element).closest('.rel-node')) return;
    drag.current = { x: e.clientX, y: e.clientY, left: pane.current.scrollLeft, top: pane.current.scrollTop };
    pane.current.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current || !pane.current) return;
    pane.current.scrollLeft = drag.current.left - (e.clientX - drag.current.x);
    pane.current.scrollTop = drag.current.top - (e.clientY - drag.current.y);
  };

  if (groups.length === 0) return <p>There are no images on this engine yet.</p>;
  return (
    <section className="card rel-card" aria-labelledby="rel-picture-title">
      <div className="rel-toolbar">
        <h2 id="rel-picture-title">Your engine as a picture</h2>
        <div className="rel-zoom" role="group" aria-label="Zoom">
          <button
            type="button"
            className="button button-compact"
            aria-label="Zoom out"
            disabled={zoomIndex === 0}
            onClick={() => setZoomIndex((z) => Math.max(0, z - 1))}
          >
            −
          </button>
          <span aria-live="polite">{Math.round(zoom * 100)}%</span>
          <button
            type="button"
            className="button button-compact"
            aria-label="Zoom in"
            disabled={zoomIndex === ZOOMS.length - 1}
            onClick={() => setZoomIndex((z) => Math.min(ZOOMS.length - 1, z + 1))}
          >
            +
          </button>
        </div>
      </div>
      <p className="muted">
        Read-only layers are stored once: a layer several images are built on is drawn once, with a line to each. An
        image sits on its top layer, and each container sits on its image with its own thin writable layer (its width
        grows with what the container wrote). A dashed container still runs an image its tag no longer names. Select any
        box to open its page; drag the background to move around. The tables below say the same in words.
      </p>
      <div
        ref={pane}
        className="rel-pane"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
      >
        {groups.map((group) => (
          <details
            key={group.base}
            className="rel-group"
            open={group.images.length <= OPEN_UP_TO || groups.length === 1}
          >
            <summary>
              Built on layer <span className="mono">{short(group.base)}</span>: {group.images.length}{' '}
              {group.images.length === 1 ? 'image' : 'images'}, {group.containers.length}{' '}
              {group.containers.length === 1 ? 'container' : 'containers'}
            </summary>
            <GroupPicture group={group} zoom={zoom} />
          </details>
        ))}
      </div>
    </section>
  );
}
