import { buildApiCall, buildCommand } from '../../../shared/cli/build.cli';
import type { BuildHistory } from './build.history';
import type { BuildService } from './build.service';
import { toBerthError } from '../engine/errors';
import type { DomainHandlers } from '../core/dispatcher.types';
import type { Transcript } from '../core/transcript';

export function buildHandlers(
  build: BuildService,
  history: BuildHistory,
  transcript: Transcript,
): DomainHandlers<'build'> {
  return {
    requests: {
      'build:preview': (input) => build.preview(input.contextPath, input.dockerfile),
      'build:history': () => history.list(),
      'build:historyLog': (input) => history.log(input.id),
    },
    streams: {
      // Unsubscribing aborts the sink's signal, which cancels the build's HTTP request.
      'build:run': (input, sink) => {
        const title = `Build ${input.tags?.[0] ?? 'an image'} from ${input.contextPath}`;
        transcript
          .run({ title, command: buildCommand(input), api: buildApiCall(input) }, () =>
            build.runAndRecord(input, (event) => sink.emit(event), sink.signal),
          )
          .then(
            () => sink.end(),
            (error: unknown) => sink.fail(toBerthError(error)),
          );
      },
    },
  };
}
