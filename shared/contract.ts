/**
 * The one contract between main and renderer: for each channel named in channels.ts, the schema main validates
 * its input against and (as a type only) what it answers. `satisfies` makes the compiler refuse a missing or extra
 * channel.
 */
import { z } from 'zod';
import type { RequestChannel, StreamChannel } from './channels';
import type { EngineEvent, EngineStatus } from './dto/engine';
import type { ContainerSummary, ImageSummary } from './dto/lists';

/** Carries a result type without a runtime value. */
const answers = <T>(): T => undefined as T;

const request = <I extends z.ZodType, O>(input: I, output: O) => ({ input, output });
const stream = <I extends z.ZodType, C>(input: I, chunk: C) => ({ input, chunk });

const none = z.undefined();

export const requestChannels = {
  'engine:status': request(none, answers<EngineStatus>()),
  'engine:retry': request(none, answers<EngineStatus>()),
  'containers:list': request(
    z.strictObject({ all: z.boolean().optional() }).optional(),
    answers<readonly ContainerSummary[]>(),
  ),
  'images:list': request(none, answers<readonly ImageSummary[]>()),
} satisfies Record<RequestChannel, { input: z.ZodType; output: unknown }>;

export const streamChannels = {
  'engine:watch': stream(none, answers<EngineStatus>()),
  'engine:events': stream(none, answers<EngineEvent>()),
} satisfies Record<StreamChannel, { input: z.ZodType; chunk: unknown }>;

export { REQUEST_CHANNELS, STREAM_CHANNELS, type RequestChannel, type StreamChannel } from './channels';
export type RequestInput<C extends RequestChannel> = z.input<(typeof requestChannels)[C]['input']>;
export type RequestOutput<C extends RequestChannel> = (typeof requestChannels)[C]['output'];
export type StreamInput<C extends StreamChannel> = z.input<(typeof streamChannels)[C]['input']>;
export type StreamChunk<C extends StreamChannel> = (typeof streamChannels)[C]['chunk'];

export const isRequestChannel = (name: unknown): name is RequestChannel =>
  typeof name === 'string' && Object.hasOwn(requestChannels, name);
export const isStreamChannel = (name: unknown): name is StreamChannel =>
  typeof name === 'string' && Object.hasOwn(streamChannels, name);

/** Subscription ids are chosen by the renderer side so no chunk can arrive before its id is known. */
export const subscriptionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
