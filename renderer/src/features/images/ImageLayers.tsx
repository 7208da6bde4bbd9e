import type { ImageDetail } from '../../../../shared/dto/images';
import { Message } from '../../ui/Message';
import { TimeAgo } from '../../ui/TimeAgo';
import { formatBytes } from '../../ui/format-bytes';
import { useNow } from '../../ui/use-now';
import { explainLayers, shortenHashes } from './explain';
import { LayerFiles } from '../layers/LayerFiles';
import { WastePanel } from '../layers/WastePanel';
import { LayerStack } from './LayerStack';

export function ImageLayers({ detail, name }: { detail: ImageDetail; name: string }) {
  const now = useNow(60_000);
  return (
    <>
      <div className="layers-tab">
        <div className="layers-main">
          <p className="size-split" aria-label="Unique and shared size">
            <strong>{formatBytes(detail.uniqueSize)}</strong> only this image ·{' '}
            <strong>{formatBytes(detail.sharedSize)}</strong> shared with other images ·{' '}
            <span className="muted">{formatBytes(detail.size)} in all</span>
          </p>
          <ol className="steps" aria-label="Layers">
            {detail.steps.map((s) => (
              <li key={s.index} className={s.layer === null ? 'step step-empty' : 'step'}>
                <div className="step-head">
                  <span className="step-no">{s.index + 1}</span>
                  <code className="step-instruction" title={s.createdBy}>
                    {shortenHashes(s.instruction) || '(no instruction recorded)'}
                  </code>
                  <span className="num step-size">{s.layer === null ? '' : formatBytes(s.size)}</span>
                </div>
                <div className="step-meta muted">
                  {s.layer === null ? (
                    <span
                      className="badge badge-small tone-idle"
                      title="This step only changed settings; it added no layer."
                    >
                      no files changed
                    </span>
                  ) : (
                    <span className="mono" title={s.layer}>
                      layer {s.layer.replace(/^sha256:/, '').slice(0, 12)}
                    </span>
                  )}
                  <TimeAgo ms={s.created} now={now} />
                  {s.id === null ? (
                    <span
                      title={
                        s.idNote ??
                        'This step was built elsewhere (e.g. in the base image you pulled); its intermediate image is not stored here.'
                      }
                    >
                      no image id kept
                    </span>
                  ) : (
                    <span className="mono">{s.id.replace(/^sha256:/, '').slice(0, 12)}</span>
                  )}
                  {s.comment !== '' && <span>{s.comment}</span>}
                  {s.sharedWith.length > 0 && (
                    <span className="shared-with">
                      shared with {s.sharedWith.slice(0, 4).join(', ')}
                      {s.sharedWith.length > 4 ? ` and ${s.sharedWith.length - 4} more` : ''}
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </div>
        <aside className="layers-side">
          <LayerStack steps={detail.steps} />
          <section className="learn-box" aria-labelledby="why-layers">
            <h3 id="why-layers">Why these layers?</h3>
            {explainLayers(detail, name).map((text, i) => (
              <p key={i}>
                <Message text={text} />
              </p>
            ))}
          </section>
        </aside>
      </div>
      <LayerFiles key={detail.id} image={detail.repoTags[0] ?? detail.id} />
      <WastePanel key={detail.id} image={detail.repoTags[0] ?? detail.id} />
    </>
  );
}
