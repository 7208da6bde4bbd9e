import type { BerthError } from './result';

/** What a subscriber receives: batches of chunks, then at most one end or error. */
export type StreamMessage<T> =
  | { readonly type: 'data'; readonly items: readonly T[] }
  | { readonly type: 'end'; readonly reason?: string }
  | { readonly type: 'error'; readonly error: BerthError };

export type Unsubscribe = () => void;
