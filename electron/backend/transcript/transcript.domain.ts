import { defineDomain } from '../core/domain';
import type { Transcript } from '../core/transcript';
import { transcriptHandlers } from './transcript.handlers';

declare module '../core/domain' {
  interface Services {
    readonly transcript: Transcript;
  }
}

export const transcriptDomain = defineDomain({
  name: 'transcript',
  make: ({ transcript }) => ({ services: { transcript }, handlers: transcriptHandlers(transcript) }),
});
