import { SectionHeader } from '../components/SectionHeader';

/** A picture of the idea: one image of stacked read-only layers, two containers with a writable layer each. */
function ImageToContainers() {
  const layers = [0, 1, 2];
  return (
    <svg className="diagram" viewBox="0 0 420 150" role="img" aria-labelledby="diagram-title">
      <title id="diagram-title">
        One image made of three read-only layers; two containers start from it, each with its own thin writable layer on
        top.
      </title>
      <text x="60" y="18" className="diagram-caption" textAnchor="middle">
        Image
      </text>
      {layers.map((i) => (
        <rect key={i} x="10" y={90 - i * 26} width="100" height="22" rx="4" className="diagram-layer" />
      ))}
      <text x="60" y="136" className="diagram-note" textAnchor="middle">
        read-only layers
      </text>
      <path d="M120 80 C 170 80, 180 45, 225 45" className="diagram-arrow" />
      <path d="M120 80 C 170 80, 180 115, 225 115" className="diagram-arrow" />
      {[
        { x: 235, y: 26, label: 'Container A' },
        { x: 235, y: 96, label: 'Container B' },
      ].map((c) => (
        <g key={c.label}>
          <rect x={c.x} y={c.y} width="170" height="38" rx="6" className="diagram-container" />
          <rect x={c.x + 8} y={c.y + 8} width="60" height="22" rx="3" className="diagram-writable" />
          <text x={c.x + 38} y={c.y + 23} className="diagram-note" textAnchor="middle">
            writable
          </text>
          <text x={c.x + 80} y={c.y + 24} className="diagram-label">
            {c.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

export function LearnView() {
  return (
    <>
      <SectionHeader title="Learn" detail="Short explanations of the ideas behind what you see in Berth" />
      <main className="content">
        <article className="card learn-card" aria-labelledby="learn-images-containers">
          <h2 id="learn-images-containers">Images and containers</h2>
          <p>
            An <strong>image</strong> is a template for a program and everything it needs to run. It is read-only and
            built from a stack of layers: each layer records what changed since the one below it, so images that share a
            base also share those layers on disk.
          </p>
          <p>
            A <strong>container</strong> is what you get when you start an image. Docker puts a thin writable layer on
            top of the image, and every file the container creates or changes lands there; the image underneath stays
            exactly as it was.
          </p>
          <ImageToContainers />
          <p>
            That is why one image can back many containers at once, each with its own writable layer. It is also why
            they cost different things: an image only takes up disk space, while a running container also uses memory
            and CPU.
          </p>
        </article>
        <aside className="card card-note" aria-label="Coming next">
          <p>
            <strong>Lessons come next.</strong> Hands-on lessons that try these ideas on your own engine will appear
            here in a coming version of Berth.
          </p>
        </aside>
      </main>
    </>
  );
}
