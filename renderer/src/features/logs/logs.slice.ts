import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type { BerthState } from '../../app/state';
import type { LogBuffer } from './log-buffer';
import { LogSource, PAGE } from './log-source';

/** How log views look; small state only. The lines themselves stay in each view's LogBuffer. */
export interface LogsSlice {
  logsTimestamps: boolean;
  logsWrap: boolean;
  logsStderrOnly: boolean;
  /** Containers picked in the Logs section for an interleaved view. */
  logsPicked: readonly string[];
  setLogsOption(option: 'logsTimestamps' | 'logsWrap' | 'logsStderrOnly', on: boolean): void;
  setLogsPicked(ids: readonly string[]): void;
  /** Feeds `buffer` with the logs of these containers once started; the panel owns and stops it. */
  openLogSource(buffer: LogBuffer, containerIds: readonly string[], tail?: number | 'all'): LogSource;
  /** A one-use bridge address to download the whole log of these containers (the desktop app saves it instead). */
  logDownloadTicket: BerthApi['logs']['saveTicket'];
}

export const createLogsSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], LogsSlice> =>
  (set) => ({
    logsTimestamps: false,
    logsWrap: false,
    logsStderrOnly: false,
    logsPicked: [],
    setLogsOption: (option, on) => set({ [option]: on } as Pick<LogsSlice, typeof option>),
    setLogsPicked: (ids) => set({ logsPicked: ids }),
    openLogSource: (buffer, containerIds, tail = PAGE) => new LogSource(api, buffer, containerIds, tail),
    logDownloadTicket: (input) => api.logs.saveTicket(input),
  });

export const DEFAULT_LOG_LINE_CAP = 100_000;

/** The cap from the settings slice once there is one, else the default. */
export const selectLogLineCap = (state: BerthState): number =>
  (state as Partial<{ settings: { logLineCap?: number } | null }>).settings?.logLineCap ?? DEFAULT_LOG_LINE_CAP;

declare module '../../app/state' {
  interface BerthState extends LogsSlice {}
}
