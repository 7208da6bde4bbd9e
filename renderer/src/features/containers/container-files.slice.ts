import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type { BerthState } from '../../app/state';

type Files = BerthApi['files'];

/** A container's whole filesystem and copying files out and in: the views keep the answers in their own state. */
export interface ContainerFilesSlice {
  listContainerFiles: Files['list'];
  containerDownloadTicket: Files['downloadTicket'];
  containerUploadTicket: Files['uploadTicket'];
  /** Desktop app: native save dialog, then the tar written there. */
  saveContainerPathToFile: Files['saveToFile'];
  /** Desktop app: native open dialog, then the chosen file copied into the folder. */
  uploadFileToContainer: Files['uploadFromFile'];
  /** One file of an image as of a layer: a one-use download address, or (desktop) a native save dialog. */
  layerFileTicket: Files['layerFileTicket'];
  saveLayerFileToFile: Files['saveLayerFile'];
}

export const createContainerFilesSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], ContainerFilesSlice> =>
  () => ({
    listContainerFiles: (input) => api.files.list(input),
    containerDownloadTicket: (input) => api.files.downloadTicket(input),
    containerUploadTicket: (input) => api.files.uploadTicket(input),
    saveContainerPathToFile: (input) => api.files.saveToFile(input),
    uploadFileToContainer: (input) => api.files.uploadFromFile(input),
    layerFileTicket: (input) => api.files.layerFileTicket(input),
    saveLayerFileToFile: (input) => api.files.saveLayerFile(input),
  });

declare module '../../app/state' {
  interface BerthState extends ContainerFilesSlice {}
}
