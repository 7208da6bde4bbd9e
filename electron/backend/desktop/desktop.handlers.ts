import type { DomainHandlers } from '../core/dispatcher.types';
import type { DesktopService } from './desktop.service';

export function desktopHandlers(desktop: DesktopService): DomainHandlers<'desktop'> {
  return {
    requests: {
      'desktop:capabilities': () => desktop.capabilities(),
      'desktop:saveImage': ({ ref }) => desktop.saveImage(ref),
      'desktop:saveLog': ({ containers }) => desktop.saveLog(containers),
      'desktop:loadImage': () => desktop.loadImage(),
      'desktop:exportVolume': ({ name }) => desktop.exportVolume(name),
      'desktop:importVolume': ({ name }) => desktop.importVolume(name),
      'desktop:pickFolder': ({ title }) => desktop.pickFolder(title),
      'desktop:pickComposeFile': () => desktop.pickComposeFile(),
      'desktop:pickTlsFile': ({ which }) => desktop.pickTlsFile(which),
    },
    streams: {},
  };
}
