/**
 * The preload: window.berth, built from the contract over Electron IPC. It exposes only the API object; the
 * page never gets ipcRenderer or an IPC event.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBerthApi } from '../../shared/api';
import { createIpcTransport, randomIdPrefix } from './ipc.transport';

const transport = createIpcTransport(
  ipcRenderer,
  randomIdPrefix((bytes) => crypto.getRandomValues(bytes)),
);
contextBridge.exposeInMainWorld('berth', buildBerthApi(transport));
