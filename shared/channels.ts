/**
 * The names of every channel, without their schemas, so that the preload (which only forwards messages) does not
 * carry the validation library. shared/contract.ts must declare exactly these, which the compiler checks.
 */
export const REQUEST_CHANNELS = ['engine:status', 'engine:retry', 'containers:list', 'images:list'] as const;

export const STREAM_CHANNELS = ['engine:watch', 'engine:events'] as const;

export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export type StreamChannel = (typeof STREAM_CHANNELS)[number];
