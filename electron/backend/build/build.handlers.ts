import { buildApiCall, buildCommand } from '../../../shared/cli/build.cli';
import type { BuildHistory } from './build.history';
import type { BuildService } from './build.service';
import type { BuildSecret } from '../../../shared/dto/build';
import { toBerthError } from '../engine/errors';
import type { DomainHandlers } from '../core/dispatcher.types';
import type { PathGuard } from '../core/paths';
import type { Transcript } from '../core/transcript';

export function buildHandlers(
  build: BuildService,
  history: BuildHistory,
  transcript: Transcript,
  paths: PathGuard,
): DomainHandlers<'build'> {
  // The context, and any secret read from a file, must be where the user chose (desktop) or inside the allowed
  // roots (browser): a build can copy what it is given into an image.
  const allowed = async (input: { contextPath: string; secrets?: readonly BuildSecret[] }) => {
    await paths.check(input.contextPath, 'The build context');
    for (const secret of input.secrets ?? [])
      if (secret.source === 'file') await paths.check(secret.from, `The file of secret ${secret.id}`);
  };
  return {
    requests: {
      'build:preview': async (input) => {
        await allowed(input);
        return build.preview(input.contextPath, input.dockerfile);
      },
      'build:history': () => history.list(),
      'build:historyLog': (input) => history.log(input.id),
    },
    streams: {
      // Unsubscribing aborts the sink's signal, which cancels the build's HTTP request.
      'build:run': (input, sink) => {
        const title = `Build ${input.tags?.[0] ?? 'an image'} from ${input.contextPath}`;
        allowed(input)
          .then(() =>
            transcript.run({ title, command: buildCommand(input), api: buildApiCall(input) }, () =>
              build.runAndRecord(input, (event) => sink.emit(event), sink.signal),
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
