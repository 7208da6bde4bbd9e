/** Where a list or page fetched from the engine stands; every slice that loads something uses it. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error';
