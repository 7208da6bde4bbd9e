import { defineDomain } from '../core/domain';
import { ComposeService } from './compose.service';
import { projectsHandlers } from './projects.handlers';
import { ProjectsService } from './projects.service';

declare module '../core/domain' {
  interface Services {
    readonly projects: ProjectsService;
    readonly compose: ComposeService;
  }
}

export const projectsDomain = defineDomain({
  name: 'projects',
  make: ({ engine, transcript, paths }) => {
    const projects = new ProjectsService(engine);
    const compose = new ComposeService(engine, process.env, undefined, paths);
    return { services: { projects, compose }, handlers: projectsHandlers(projects, compose, transcript) };
  },
});
