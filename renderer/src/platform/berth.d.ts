/// <reference types="vite/client" />
import type { BerthApi } from '../../../shared/api';

declare global {
  interface Window {
    /** Defined by the Electron preload; built by the bootstrap from the bridge transport in browser mode. */
    berth: BerthApi;
  }
}
