// The registry first: its views bring their css, which must precede the sidebar's parts' css for the cascade.
import { SECTIONS, sectionOf } from './sections';
import { useBerth } from './store';
import { LearnControls } from '../features/learn/LearnControls';
import { LoginPromptHost } from '../features/registries/LoginDialog';
import { BerthMark } from '../ui/icons';

function Sidebar() {
  const section = useBerth((s) => s.route.section);
  const showSection = useBerth((s) => s.showSection);
  return (
    <aside className="sidebar">
      <div className="brand">
        <BerthMark />
        <span className="brand-name">Berth</span>
      </div>
      <nav aria-label="Sections" className="nav">
        <ul>
          {SECTIONS.map(({ id, title, icon: Icon }) => (
            <li key={id}>
              <button
                type="button"
                className="nav-item"
                aria-current={section === id ? 'page' : undefined}
                onClick={() => showSection(id)}
              >
                <Icon />
                <span>{title}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <LearnControls />
    </aside>
  );
}

export function Shell() {
  const section = useBerth((s) => s.route.section);
  const View = sectionOf(section).view;
  return (
    <div className="shell">
      <Sidebar />
      <div className="workspace">
        <View />
      </div>
      <LoginPromptHost />
    </div>
  );
}
