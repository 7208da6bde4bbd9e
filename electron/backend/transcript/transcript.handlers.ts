import type { DomainHandlers } from '../core/dispatcher.types';
import type { Transcript } from '../core/transcript';

export function transcriptHandlers(transcript: Transcript): DomainHandlers<'transcript'> {
  return {
    requests: {
      'transcript:list': () => transcript.list(),
    },
    streams: {
      'transcript:watch': (_input, sink) => transcript.onEntry((entry) => sink.emit(entry)),
    },
  };
}
