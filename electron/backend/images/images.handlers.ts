import type { ActionText } from '../../../shared/cli/command';
import {
  pruneAction,
  pullAction,
  pushAction,
  removeImageAction,
  removeImagesAction,
  tagAction,
} from '../../../shared/cli/images.cli';
import { runBulk } from '../core/bulk';
import type { TransferEvent } from '../../../shared/dto/images';
import { toBerthError } from '../engine/errors';
import type { ImagesService } from './images.service';
import type { DomainHandlers, StreamSink } from '../core/dispatcher.types';
import type { Transcript } from '../core/transcript';
import type { ImageTransfers } from './images.transfers';

export function imagesHandlers(
  images: ImagesService,
  transcript: Transcript,
  transfers: ImageTransfers,
): DomainHandlers<'images'> {
  /** Runs a pull or push as a stream: progress as chunks, one transcript entry, cancelled when unsubscribed. */
  const transfer = (
    action: ActionText,
    sink: StreamSink<TransferEvent>,
    work: (emit: (e: TransferEvent) => void, signal: AbortSignal) => Promise<void>,
  ) => {
    transcript
      .run(action, () => work((event) => sink.emit(event), sink.signal))
      .then(
        () => sink.end(),
        (error: unknown) => sink.fail(toBerthError(error)),
      );
  };

  return {
    requests: {
      'images:list': () => images.list(),
      'images:inspect': ({ ref }) => images.inspect(ref),
      'images:tag': ({ ref, target }) => transcript.run(tagAction(ref, target), () => images.tag(ref, target)),
      'images:remove': ({ ref, force }) =>
        transcript.run(removeImageAction(ref, force), () => images.remove(ref, force)),
      'images:bulkRemove': ({ refs, force }) =>
        runBulk(transcript, {
          ids: refs,
          nameOf: (ref) => Promise.resolve(ref),
          describe: (names) => removeImagesAction(names, force),
          work: (ref) => images.remove(ref, force),
        }),
      'images:prunePlan': () => images.prunePlan(),
      'images:prune': () => transcript.run(pruneAction(), () => images.prune()),
      'images:saveTicket': ({ ref }) => transfers.saveTicket(ref),
      'images:loadTicket': () => transfers.loadTicket(),
    },
    streams: {
      'images:pull': ({ ref }, sink) =>
        transfer(pullAction(ref), sink, (emit, signal) => images.pull(ref, emit, signal)),
      'images:push': ({ ref }, sink) =>
        transfer(pushAction(ref), sink, (emit, signal) => images.push(ref, emit, signal)),
    },
  };
}
