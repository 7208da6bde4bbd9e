import * as text from '../../../shared/cli/projects.cli';
import type { ProjectAction } from '../../../shared/dto/projects';
import type { DomainHandlers } from '../core/dispatcher.types';
import type { Transcript } from '../core/transcript';
import { toBerthError } from '../engine/errors';
import type { ComposeService } from './compose.service';
import type { ProjectsService } from './projects.service';

export function projectsHandlers(
  projects: ProjectsService,
  compose: ComposeService,
  transcript: Transcript,
): DomainHandlers<'projects'> {
  const act = (action: ProjectAction) => (input: { name: string }) =>
    transcript.run(text.projectAction(action, input.name), () => projects.act(input.name, action));
  return {
    requests: {
      'projects:list': () => projects.list(),
      'projects:start': act('start'),
      'projects:stop': act('stop'),
      'projects:restart': act('restart'),
      'projects:pause': act('pause'),
      'projects:unpause': act('unpause'),
      'projects:removePreview': ({ name }) => projects.removePreview(name),
      'projects:remove': ({ name, volumes }) =>
        transcript.run(text.removeProjectAction(name, volumes), () => projects.remove(name, volumes)),
      'projects:readFile': ({ path }) => compose.readFile(path),
      'projects:cli': () => compose.cli(),
    },
    streams: {
      // Unsubscribing aborts the sink's signal, which kills Compose's process group.
      'projects:compose': ({ path, verb }, sink) => {
        compose
          .plan(path, verb)
          .then(({ action, run }) => transcript.run(action, () => run((e) => sink.emit(e), sink.signal)))
          .then(
            () => sink.end(),
            (error: unknown) => sink.fail(toBerthError(error)),
          );
      },
    },
  };
}
