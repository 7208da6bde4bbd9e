import { SectionHeader } from '../../ui/SectionHeader';
import { LESSONS, type Lesson } from './lessons';
import { CommandExplainer } from './CommandExplainer';
import { RelationshipsView } from './RelationshipsView';
import { TourView } from './TourView';
import { TOURS } from './tour-steps';
import { useBerth } from '../../app/store';

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

function LessonList() {
  const navigate = useBerth((s) => s.navigate);
  return (
    <>
      <article className="card learn-card" aria-labelledby="learn-images-containers">
        <h2 id="learn-images-containers">Images and containers at a glance</h2>
        <ImageToContainers />
      </article>
      <section className="card" aria-labelledby="learn-hands-on">
        <h2 id="learn-hands-on">Hands on</h2>
        <div className="learn-links">
          <button
            type="button"
            className="button button-primary"
            onClick={() => navigate({ section: 'learn', id: 'tour' })}
          >
            Start the guided tour
          </button>
          <button type="button" className="button" onClick={() => navigate({ section: 'learn', id: 'tour-data' })}>
            Start the second tour: {TOURS.data.title}
          </button>
          <button type="button" className="button" onClick={() => navigate({ section: 'learn', id: 'relationships' })}>
            How your images and containers relate
          </button>
        </div>
      </section>
      <CommandExplainer />
      <nav aria-label="Lessons" className="card">
        <h2>Lessons</h2>
        <ol className="lesson-list">
          {LESSONS.map((lesson) => (
            <li key={lesson.id}>
              <button
                type="button"
                className="lesson-link"
                onClick={() => navigate({ section: 'learn', id: lesson.id })}
              >
                {lesson.title}
              </button>
              <span className="muted"> {lesson.summary}</span>
            </li>
          ))}
        </ol>
      </nav>
    </>
  );
}

function LessonPage({ lesson }: { lesson: Lesson }) {
  const navigate = useBerth((s) => s.navigate);
  const setExplainText = useBerth((s) => s.setExplainText);
  return (
    <article className="card learn-card" aria-labelledby={`lesson-${lesson.id}`}>
      <h2 id={`lesson-${lesson.id}`}>{lesson.title}</h2>
      {lesson.body}
      <p>
        <button type="button" className="button" onClick={() => navigate(lesson.see.route)}>
          {lesson.see.label}
        </button>{' '}
        {lesson.example !== undefined && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setExplainText(lesson.example ?? '');
              navigate({ section: 'learn', id: 'explain' });
            }}
          >
            Explain an example command
          </button>
        )}{' '}
        {lesson.tryIt !== undefined && (
          <button type="button" className="button" onClick={() => navigate(lesson.tryIt?.route ?? lesson.see.route)}>
            {lesson.tryIt.label}
          </button>
        )}
      </p>
    </article>
  );
}

/** The explainer on a page of its own (Help menu, run form, lessons), opened with a lesson's example if one was chosen. */
function ExplainPage() {
  const text = useBerth((s) => s.explainText);
  return <CommandExplainer key={text} initial={text} />;
}

const PAGES: Readonly<Record<string, string>> = {
  tour: 'Guided tour',
  'tour-data': `Guided tour: ${TOURS.data.title}`,
  relationships: 'How they relate',
  explain: 'Explain a command',
};

export function LearnView() {
  const id = useBerth((s) => s.route.id);
  const navigate = useBerth((s) => s.navigate);
  const lesson = LESSONS.find((l) => l.id === id);
  const title = id === undefined ? 'Learn' : (lesson?.title ?? PAGES[id] ?? 'Learn');
  return (
    <>
      <SectionHeader title={title} detail={id === undefined ? 'Docker’s ideas, tried on your own engine' : undefined}>
        {id !== undefined && (
          <button type="button" className="button" onClick={() => navigate({ section: 'learn' })}>
            All lessons
          </button>
        )}
      </SectionHeader>
      <main className="content">
        {id === undefined && <LessonList />}
        {lesson !== undefined && <LessonPage lesson={lesson} />}
        {id === 'tour' && <TourView key="images" />}
        {id === 'tour-data' && <TourView key="data" tour="data" />}
        {id === 'relationships' && <RelationshipsView />}
        {id === 'explain' && <ExplainPage />}
      </main>
    </>
  );
}
