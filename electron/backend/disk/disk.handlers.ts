import { pruneCategoryAction } from '../../../shared/cli/disk.cli';
import type { DomainHandlers } from '../core/dispatcher.types';
import type { Transcript } from '../core/transcript';
import type { DiskService } from './disk.service';

export function diskHandlers(disk: DiskService, transcript: Transcript): DomainHandlers<'disk'> {
  return {
    requests: {
      'disk:usage': () => disk.usage(),
      'disk:prunePreview': ({ category, all = false }) => disk.prunePreview(category, all),
      'disk:prune': ({ category, all = false }) =>
        transcript.run(pruneCategoryAction(category, all), () => disk.prune(category, all)),
    },
    streams: {},
  };
}
