/** The docker command and Engine API call for copying files out of and into a container. */
import { dockerCommand, quoteArg, type ActionText } from './command';

const abs = (path: string): string => `/${path.replace(/^\/+|\/+$/g, '')}`;

export const downloadContainerPathAction = (container: string, path: string, file: string): ActionText => ({
  title: `Download ${abs(path)} from container ${container}`,
  command: `${dockerCommand('cp', `${container}:${abs(path)}`, '-')} > ${file}`,
  api: `GET /containers/${container}/archive?path=${abs(path)}`,
});

export const uploadContainerFileAction = (container: string, folder: string, file: string): ActionText => ({
  title: `Upload ${file} into ${abs(folder)} of container ${container}`,
  command: dockerCommand('cp', file, `${container}:${abs(folder)}`),
  api: `PUT /containers/${container}/archive?path=${abs(folder)}`,
});

/** One file of an image as of a layer: the layer's tar out of `docker save`, then the file out of that tar. */
export const saveLayerFileAction = (
  image: string,
  path: string,
  file: string,
  layerPath = '<layer>/layer.tar',
): ActionText => ({
  title: `Save /${path.replace(/^\/+/, '')} of ${image} to ${file}`,
  command: `${dockerCommand('save', image)} | tar -xO ${quoteArg(layerPath)} | tar -xO ${quoteArg(path.replace(/^\/+/, ''))} > ${quoteArg(file)}`,
  api: `GET /images/${image}/get`,
});
