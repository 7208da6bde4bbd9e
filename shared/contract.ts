/**
 * The one contract between main and renderer: for each channel named in channels.ts, the schema main validates
 * its input against and (as a type only) what it answers. Each domain declares its own in shared/contracts/;
 * `satisfies` makes the compiler refuse a missing or extra channel.
 */
import { z } from 'zod';
import type { RequestChannel, StreamChannel } from './channels';
import { buildRequests, buildStreams } from './contracts/build.contract';
import { appStreams } from './contracts/app.contract';
import { desktopRequests } from './contracts/desktop.contract';
import { containersRequests, containersStreams } from './contracts/containers.contract';
import { engineRequests, engineStreams } from './contracts/engine.contract';
import { imagesRequests, imagesStreams } from './contracts/images.contract';
import { logsRequests, logsStreams } from './contracts/logs.contract';
import { settingsRequests, settingsStreams } from './contracts/settings.contract';
import { transcriptRequests, transcriptStreams } from './contracts/transcript.contract';
import { tourRequests, tourStreams } from './contracts/tour.contract';
import { learnRequests, learnStreams } from './contracts/learn.contract';
import { volumesRequests } from './contracts/volumes.contract';
import { networksRequests } from './contracts/networks.contract';
import { diskRequests } from './contracts/disk.contract';
import { layersRequests } from './contracts/layers.contract';
import { registriesRequests } from './contracts/registries.contract';
import { projectsRequests, projectsStreams } from './contracts/projects.contract';
import { containerFilesRequests } from './contracts/containerFiles.contract';

export const requestChannels = {
  ...engineRequests,
  ...containersRequests,
  ...imagesRequests,
  ...transcriptRequests,
  ...tourRequests,
  ...learnRequests,
  ...settingsRequests,
  ...logsRequests,
  ...buildRequests,
  ...desktopRequests,
  ...volumesRequests,
  ...networksRequests,
  ...diskRequests,
  ...layersRequests,
  ...registriesRequests,
  ...projectsRequests,
  ...containerFilesRequests,
} satisfies Record<RequestChannel, { input: z.ZodType; output: unknown }>;

export const streamChannels = {
  ...engineStreams,
  ...containersStreams,
  ...imagesStreams,
  ...transcriptStreams,
  ...tourStreams,
  ...learnStreams,
  ...settingsStreams,
  ...appStreams,
  ...logsStreams,
  ...buildStreams,
  ...projectsStreams,
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
