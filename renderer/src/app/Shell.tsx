import type { ComponentType } from 'react';
import { SECTION_TITLES, SECTIONS, type Section } from './ui.slice';
import { useBerth } from './store';
import { BuildView } from '../features/build/BuildView';
import { ContainersView } from '../features/containers/ContainersView';
import { ImagesView } from '../features/images/ImagesView';
import { LearnView } from '../features/learn/LearnView';
import { LogsSection } from '../features/logs/LogsSection';
import { LearnControls } from '../features/learn/LearnControls';
import { SettingsView } from '../features/settings/SettingsView';
import { BerthMark, BuildIcon, ContainersIcon, ImagesIcon, LearnIcon, LogsIcon, SettingsIcon } from '../ui/icons';

const ICONS: Readonly<Record<Section, ComponentType>> = {
  containers: ContainersIcon,
  images: ImagesIcon,
  build: BuildIcon,
  logs: LogsIcon,
  learn: LearnIcon,
  settings: SettingsIcon,
};

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
          {SECTIONS.map((id) => {
            const Icon = ICONS[id];
            return (
              <li key={id}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={section === id ? 'page' : undefined}
                  onClick={() => showSection(id)}
                >
                  <Icon />
                  <span>{SECTION_TITLES[id]}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      <LearnControls />
    </aside>
  );
}

export function Shell() {
  const section = useBerth((s) => s.route.section);
  return (
    <div className="shell">
      <Sidebar />
      <div className="workspace">
        {section === 'containers' && <ContainersView />}
        {section === 'images' && <ImagesView />}
        {section === 'build' && <BuildView />}
        {section === 'logs' && <LogsSection />}
        {section === 'learn' && <LearnView />}
        {section === 'settings' && <SettingsView />}
      </div>
    </div>
  );
}
