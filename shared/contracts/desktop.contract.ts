import { z } from 'zod';
import type { DesktopCapabilities, LoadedImages, PickedFolder, SavedImage } from '../dto/desktop';
import { answers, request } from './define';
import { imageRef } from './images.contract';
import { logContainers } from './logs.contract';
import { volumeName } from './volumes.contract';

/** A dialog title: one short line, no control characters. */
const title = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[^\p{Cc}]+$/u, 'A title is one line of text.');

/** No channel here takes a file path: paths come from the dialog main shows, never from the page. */
export const desktopRequests = {
  'desktop:capabilities': request(z.undefined(), answers<DesktopCapabilities>()),
  /** Asks where to save, then writes the image's `docker save` tar there. */
  'desktop:saveImage': request(z.strictObject({ ref: imageRef }), answers<SavedImage>()),
  /** Asks where to save, then writes the whole logs of the containers there (interleaved, like the view). */
  'desktop:saveLog': request(z.strictObject({ containers: logContainers }), answers<SavedImage>()),
  /** Asks for a tar file, then loads it into the engine. */
  'desktop:loadImage': request(z.undefined(), answers<LoadedImages>()),
  /** Asks where to save, then writes the volume's files there as a tar (through a helper container). */
  'desktop:exportVolume': request(z.strictObject({ name: volumeName }), answers<SavedImage>()),
  /** Asks for a tar file, then unpacks it into the volume (through a helper container). */
  'desktop:importVolume': request(z.strictObject({ name: volumeName }), answers<SavedImage>()),
  'desktop:pickFolder': request(z.strictObject({ title: title.optional() }), answers<PickedFolder>()),
  /** Asks for a compose file (compose.yaml, docker-compose.yml, ...); the Projects screen then reads it. */
  'desktop:pickComposeFile': request(z.undefined(), answers<PickedFolder>()),
  /** Asks for a TLS file (CA, client certificate or key) for a tcp:// engine; the pick grants that file alone. */
  'desktop:pickTlsFile': request(z.strictObject({ which: z.enum(['ca', 'cert', 'key']) }), answers<PickedFolder>()),
};
