import { buildApiCall, buildCommand } from '../../../shared/cli/build.cli';
import type { BuildService } from './build.service';
import { toBerthError } from '../engine/errors';
import type { DomainHandlers } from '../core/dispatcher.types';
import type { PathGuard } from '../core/paths';
import type { Transcript } from '../core/transcript';

export function buildHandlers(build: BuildService, transcript: Transcript, paths: PathGuard): DomainHandlers<'build'> {
  // The context must be a folder the user chose (desktop) or one inside the allowed roots (browser).
  const allowed = (contextPath: string) => paths.check(contextPath, 'The build context');
  return {
    requests: {
      'build:preview': async (input) => {
        await allowed(input.contextPath);
        return build.preview(input.contextPath, input.dockerfile);
      },
    },
    streams: {
      // Unsubscribing aborts the sink's signal, which cancels the build's HTTP request.
      'build:run': (input, sink) => {
        const title = `Build ${input.tags?.[0] ?? 'an image'} from ${input.contextPath}`;
        allowed(input.contextPath)
          .then(() =>
            transcript.run({ title, command: buildCommand(input), api: buildApiCall(input) }, () =>
              build.run(input, (event) => sink.emit(event), sink.signal),
            ),
          )
          .then(
            () => sink.end(),
            (error: unknown) => sink.fail(toBerthError(error)),
          );
      },
    },
  };
}
