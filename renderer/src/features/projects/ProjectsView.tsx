import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SectionHeader } from '../../ui/SectionHeader';
import { EmptyState, LoadError, Loading } from '../../ui/ListStates';
import { useBerth } from '../../app/store';
import { ComposeFilePanel, OpenComposeFile } from './ComposeFilePanel';
import { ProjectCard } from './ProjectCard';
import '../../ui/resources.css';
import './projects.css';

function ProjectsList() {
  const projects = useBerth(useShallow((s) => s.projects));
  const load = useBerth((s) => s.projectsLoad);
  const error = useBerth((s) => s.projectsError);
  const refresh = useBerth((s) => s.refreshProjects);
  useEffect(() => {
    if (load === 'idle') void refresh();
  }, [load, refresh]);
  if (load === 'error' && error !== null)
    return <LoadError what="compose projects" error={error} onRetry={() => void refresh()} />;
  if (load === 'idle' || (load === 'loading' && projects.length === 0)) return <Loading what="compose projects" />;
  if (projects.length === 0)
    return (
      <EmptyState title="No compose projects">
        <p>
          Containers made by Docker Compose carry a project label; none on this engine does. Open a compose file above
          and bring it up.
        </p>
      </EmptyState>
    );
  return (
    <div className="res-cards" role="list" aria-label="Compose projects">
      {projects.map((p) => (
        <div role="listitem" key={p.name}>
          <ProjectCard project={p} />
        </div>
      ))}
    </div>
  );
}

export function ProjectsView() {
  const count = useBerth((s) => (s.projectsLoad === 'ready' ? s.projects.length : null));
  const file = useBerth((s) => s.composeFile);
  return (
    <>
      <SectionHeader
        title="Projects"
        detail={count === null ? undefined : `${count} compose ${count === 1 ? 'project' : 'projects'}`}
      />
      <main className="content">
        {file === null ? <OpenComposeFile /> : <ComposeFilePanel file={file} />}
        <ProjectsList />
      </main>
    </>
  );
}
