/**
 * The section registry: each section of the sidebar with its id, title and shortcut key (from shared/dto/app.ts,
 * which the desktop menu reads too), its icon and its view. The sidebar, the workspace and the shortcuts all render
 * from this list, so a new section is one entry here and one in shared/dto/app.ts.
 */
import type { ComponentType } from 'react';
import { SECTIONS as SECTION_IDS, type SectionId } from '../../../shared/dto/app';
import { BuildView } from '../features/build/BuildView';
import { ContainersView } from '../features/containers/ContainersView';
import { DiskView } from '../features/disk/DiskView';
import { ImagesView } from '../features/images/ImagesView';
import { LearnView } from '../features/learn/LearnView';
import { LogsSection } from '../features/logs/LogsSection';
import { NetworksView } from '../features/networks/NetworksView';
import { RegistriesView } from '../features/registries/RegistriesView';
import { ProjectsView } from '../features/projects/ProjectsView';
import { SettingsView } from '../features/settings/SettingsView';
import { VolumesView } from '../features/volumes/VolumesView';
import {
  BuildIcon,
  ContainersIcon,
  DiskIcon,
  ImagesIcon,
  LearnIcon,
  LogsIcon,
  NetworksIcon,
  RegistriesIcon,
  ProjectsIcon,
  SettingsIcon,
  VolumesIcon,
} from '../ui/icons';

interface SectionParts {
  readonly icon: ComponentType;
  readonly view: ComponentType;
}

const PARTS = {
  containers: { icon: ContainersIcon, view: ContainersView },
  images: { icon: ImagesIcon, view: ImagesView },
  volumes: { icon: VolumesIcon, view: VolumesView },
  networks: { icon: NetworksIcon, view: NetworksView },
  disk: { icon: DiskIcon, view: DiskView },
  registries: { icon: RegistriesIcon, view: RegistriesView },
  build: { icon: BuildIcon, view: BuildView },
  logs: { icon: LogsIcon, view: LogsSection },
  learn: { icon: LearnIcon, view: LearnView },
  settings: { icon: SettingsIcon, view: SettingsView },
  projects: { icon: ProjectsIcon, view: ProjectsView },
} satisfies Record<SectionId, SectionParts>;

export interface Section extends SectionParts {
  readonly id: SectionId;
  readonly title: string;
  /** Shows the section with Ctrl (Cmd on macOS). */
  readonly key: string;
}

/** In sidebar order. */
export const SECTIONS: readonly Section[] = SECTION_IDS.map((s) => ({ ...s, ...PARTS[s.id] }));

export function sectionOf(id: SectionId): Section {
  const section = SECTIONS.find((s) => s.id === id);
  if (section === undefined) throw new Error(`No section ${id} in the registry.`);
  return section;
}
