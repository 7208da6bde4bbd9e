import { useMemo, useState } from 'react';
import { mapHistoryToDockerfile, type HistoryRow, type LayerLink } from '../../../../shared/dockerfile-layers';
import { formatBytes } from '../../ui/format-bytes';
import { useBerth } from '../../app/store';
import { CACHE_EXPLAINER, EMPTY_LAYER_EXPLAINER } from './explain';
import './build-layers.css';

export interface BuildLayersProps<H extends HistoryRow> {
  /** Rows of `docker history`, newest first. */
  readonly history: readonly H[];
  readonly dockerfile: string;
  readonly dockerfileText: string;
  readonly target?: string;
}

const lineLabel = (link: LayerLink): string => {
  const ins = link.instruction;
  if (!ins) return '';
  return ins.startLine === ins.endLine ? `line ${ins.startLine}` : `lines ${ins.startLine}–${ins.endLine}`;
};

/**
 * The layers of an image beside the Dockerfile that made them: each layer's button selects the lines it came
 * from. Layers of the base image are summed up in one row.
 */
export function BuildLayers<H extends HistoryRow>({
  history,
  dockerfile,
  dockerfileText,
  target,
}: BuildLayersProps<H>) {
  const links = useMemo(
    () => mapHistoryToDockerfile(history, dockerfileText, target).reverse(),
    [history, dockerfileText, target],
  );
  const [selected, setSelected] = useState<number | null>(null);
  const own = links.filter((l) => l.instruction !== undefined);
  const base = links.filter((l) => l.instruction === undefined);
  const baseSize = base.reduce((sum, l) => sum + l.layer.size, 0);
  const chosen = selected === null ? undefined : own[selected]?.instruction;
  // A final newline ends the last line; it does not start another.
  const lines = dockerfileText.replace(/\r?\n$/, '').split(/\r?\n/);
  const select = (index: number, line: number) => {
    setSelected(index);
    document.getElementById(`dockerfile-line-${line}`)?.scrollIntoView({ block: 'nearest' });
  };
  return (
    <div className="build-layers">
      <div className="table-card">
        <table className="table table-compact" aria-label="Layers and their Dockerfile lines">
          <thead>
            <tr>
              <th scope="col">Dockerfile</th>
              <th scope="col">Instruction</th>
              <th scope="col" className="num">
                Size
              </th>
            </tr>
          </thead>
          <tbody>
            {base.length > 0 && (
              <tr>
                <td className="muted">base image</td>
                <td className="muted">
                  {base.length} {base.length === 1 ? 'layer' : 'layers'} that came with the image named in FROM
                </td>
                <td className="num">{formatBytes(baseSize)}</td>
              </tr>
            )}
            {own.map((link, index) => {
              const ins = link.instruction;
              if (!ins) return null;
              return (
                <tr key={`${ins.startLine}-${index}`} className={selected === index ? 'build-row-selected' : undefined}>
                  <td className="nowrap">
                    <button
                      type="button"
                      className="build-link"
                      aria-label={`Dockerfile ${lineLabel(link)}`}
                      onClick={() => select(index, ins.startLine)}
                    >
                      {lineLabel(link)}
                    </button>
                  </td>
                  <td className="mono cell-truncate" title={`${ins.keyword} ${ins.args}`}>
                    <strong>{ins.keyword}</strong> {ins.args}
                    {link.metadataOnly && link.layer.size === 0 && (
                      <span className="badge badge-small tone-idle" title={EMPTY_LAYER_EXPLAINER}>
                        settings only
                      </span>
                    )}
                  </td>
                  <td className="num">{formatBytes(link.layer.size)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <figure className="build-dockerfile">
        <figcaption className="muted">{dockerfile}</figcaption>
        <ol aria-label="Dockerfile" className="build-dockerfile-lines">
          {lines.map((text, i) => {
            const n = i + 1;
            const current = chosen !== undefined && n >= chosen.startLine && n <= chosen.endLine;
            return (
              <li key={n} id={`dockerfile-line-${n}`} aria-current={current ? 'true' : undefined}>
                <span className="build-line-number" aria-hidden="true">
                  {n}
                </span>
                <code>{text === '' ? ' ' : text}</code>
              </li>
            );
          })}
        </ol>
      </figure>
      <div className="build-explainers">
        <p>
          <strong>Layers of 0 B.</strong> {EMPTY_LAYER_EXPLAINER}
        </p>
        <p>
          <strong>The cache.</strong> {CACHE_EXPLAINER}
        </p>
      </div>
    </div>
  );
}

/**
 * For the image page: the layers linked to Dockerfile lines when the image was built in this session, else
 * nothing (an image's history does not keep its Dockerfile).
 */
export function BuildProvenance<H extends HistoryRow>({
  imageId,
  history,
}: {
  imageId: string;
  history: readonly H[];
}) {
  const source = useBerth((s) => s.builtImages[imageId]);
  if (!source) return null;
  return (
    <section aria-label="How this image was built" className="build-provenance">
      <h2>How this image was built</h2>
      <BuildLayers
        history={history}
        dockerfile={source.dockerfile}
        dockerfileText={source.dockerfileText}
        {...(source.target ? { target: source.target } : {})}
      />
    </section>
  );
}
