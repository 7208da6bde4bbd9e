import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type { LoadedImages, PickedFolder, SavedImage } from '../../../../shared/dto/desktop';
import type { Result } from '../../../../shared/result';
import type { BerthState } from '../../app/state';

export interface DesktopSlice {
  /** True in the desktop app once main has said so; false in the browser and until it answers. */
  nativeDialogs: boolean;
  /** Asks main what the shell around the page can do, once; an answer that did not arrive is asked again. */
  askDesktopCapabilities(): Promise<void>;
  /** Native save dialog, then the image's tar written to the chosen file. */
  saveImageToFile(ref: string): Promise<Result<SavedImage>>;
  /** Native open dialog, then the chosen tar loaded into the engine. */
  loadImageFromFile(): Promise<Result<LoadedImages>>;
  pickFolder(title: string): Promise<Result<PickedFolder>>;
  /** Native save dialog, then the volume's files written there as a tar. */
  exportVolumeToFile(name: string): Promise<Result<SavedImage>>;
  /** Native open dialog, then the chosen tar unpacked into the volume. */
  importVolumeFromFile(name: string): Promise<Result<SavedImage>>;
  /** Native save dialog, then the whole log of these containers written to the chosen file. */
  saveLogToFile: BerthApi['desktop']['saveLog'];
}

export const createDesktopSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], DesktopSlice> =>
  (set) => {
    let asking: Promise<void> | null = null;
    return {
      nativeDialogs: false,
      askDesktopCapabilities() {
        asking ??= api.desktop.capabilities().then((result) => {
          if (result.ok) set({ nativeDialogs: result.value.nativeDialogs });
          else asking = null;
        });
        return asking;
      },
      saveImageToFile: (ref) => api.desktop.saveImage({ ref }),
      loadImageFromFile: () => api.desktop.loadImage(),
      pickFolder: (title) => api.desktop.pickFolder({ title }),
      exportVolumeToFile: (name) => api.desktop.exportVolume({ name }),
      importVolumeFromFile: (name) => api.desktop.importVolume({ name }),
      saveLogToFile: (input) => api.desktop.saveLog(input),
    };
  };

declare module '../../app/state' {
  interface BerthState extends DesktopSlice {}
}
