/** The docker commands that show what Berth's layer views show: the saved image's tars and the history. */
import { dockerCommand, quoteArg, type ActionText } from './command';

/** A folder name for the extracted archive: the image name without characters a shell or a path would trip on. */
const folderFor = (image: string): string => image.replace(/[^A-Za-z0-9_.-]+/g, '_');

export const historyCommand = (image: string): string => dockerCommand('history', '--no-trunc', image);

/** Unpacks the saved image (manifest.json lists the layer tars in order), then lists one layer's tar. */
export function saveAndListCommand(image: string, layerPath = '<layer>/layer.tar'): string {
  const folder = folderFor(image);
  return `mkdir -p ${folder} && ${dockerCommand('save', image)} | tar -x -C ${folder} && tar -tvf ${folder}/${quoteArg(layerPath)}`;
}

export const indexLayersAction = (image: string): ActionText => ({
  title: `Read the layers of ${image}`,
  command: `${saveAndListCommand(image)} && ${historyCommand(image)}`,
  api: `GET /images/${image}/get, GET /images/${image}/history`,
});

export const readLayerFileAction = (image: string, path: string, layerPath = '<layer>/layer.tar'): ActionText => ({
  title: `Read /${path} from ${image}`,
  command: `${dockerCommand('save', image)} | tar -xO ${quoteArg(layerPath)} | tar -xO ${quoteArg(path)}`,
  api: `GET /images/${image}/get`,
});
