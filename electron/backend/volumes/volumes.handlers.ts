import * as text from '../../../shared/cli/volumes.cli';
import { runBulk } from '../core/bulk';
import type { DomainHandlers } from '../core/dispatcher.types';
import type { Transcript } from '../core/transcript';
import type { VolumeFiles } from './volumes.files';
import type { VolumesService } from './volumes.service';
import type { VolumeTransfers } from './volumes.transfers';

export function volumesHandlers(
  volumes: VolumesService,
  files: VolumeFiles,
  transcript: Transcript,
  transfers: VolumeTransfers,
): DomainHandlers<'volumes'> {
  return {
    requests: {
      'volumes:list': () => volumes.list(),
      'volumes:usage': () => volumes.usage(),
      'volumes:inspect': ({ name }) => volumes.inspect(name),
      'volumes:create': (spec) => transcript.run(text.createVolumeAction(spec), () => volumes.create(spec)),
      'volumes:removePreview': ({ name }) => volumes.removePreview(name),
      'volumes:remove': ({ name, force = false }) =>
        transcript.run(text.removeVolumeAction(name, force), () => volumes.remove(name, force)),
      'volumes:bulkRemove': ({ names }) =>
        runBulk(transcript, {
          ids: names,
          nameOf: (name) => Promise.resolve(name),
          describe: text.removeVolumesAction,
          work: (name) => volumes.remove(name),
        }),
      'volumes:prunePreview': (input) => volumes.prunePreview(input?.all ?? false),
      'volumes:prune': (input) =>
        transcript.run(text.pruneVolumesAction(input?.all ?? false), () => volumes.prune(input?.all ?? false)),
      // Reading makes and removes a helper container, so it is recorded like any other action on the engine.
      'volumes:browse': async ({ name, path }) =>
        transcript.run(text.browseVolumeAction(name, path, await files.image()), () => files.browse(name, path)),
      'volumes:readFile': async ({ name, path }) =>
        transcript.run(text.readVolumeFileAction(name, path, await files.image()), () => files.readFile(name, path)),
      'volumes:exportTicket': ({ name }) => transfers.ticket('export', name),
      'volumes:importTicket': ({ name }) => transfers.ticket('import', name),
    },
    streams: {},
  };
}
