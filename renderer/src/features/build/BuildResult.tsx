import { useEffect, useRef } from 'react';
import { useBerth } from '../../app/store';
import { BuildLayers } from './BuildLayers';
import { OTHER_WAY_EXPLAINER } from './explain';

/** After a successful build: the image, a way to open it, and how each of its layers maps to the Dockerfile. */
export function BuildResult() {
  const run = useBerth((s) => s.buildRun);
  const navigate = useBerth((s) => s.navigate);
  const heading = useRef<HTMLHeadingElement>(null);
  const succeeded = run.status === 'succeeded';
  useEffect(() => {
    if (succeeded) heading.current?.focus();
  }, [succeeded]);
  if (!succeeded || !run.imageId || !run.source) return null;
  const shortId = run.imageId.replace(/^sha256:/, '').slice(0, 12);
  return (
    <section className="card build-result" aria-label="Build result">
      <div className="build-result-head">
        <div>
          <h2 ref={heading} tabIndex={-1}>
            Built image <span className="mono">{shortId}</span>
          </h2>
          <p className="muted">
            {run.tags.length > 0 ? `Tagged ${run.tags.join(', ')}.` : 'No tag: the image has only its id.'}
          </p>
        </div>
        <button
          type="button"
          className="button button-primary"
          onClick={() => navigate({ section: 'images', id: run.imageId, tab: 'layers' })}
        >
          Open image
        </button>
      </div>
      <h3>How this image was built</h3>
      <BuildLayers
        history={run.history}
        dockerfile={run.source.dockerfile}
        dockerfileText={run.source.dockerfileText}
        {...(run.source.target ? { target: run.source.target } : {})}
      />
      <p className="build-other-way">
        {OTHER_WAY_EXPLAINER}{' '}
        <button type="button" className="build-link" onClick={() => navigate({ section: 'containers' })}>
          Go to containers
        </button>
      </p>
    </section>
  );
}
