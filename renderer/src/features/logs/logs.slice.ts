import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type { BerthState } from '../../app/state';
import type { LogBuffer } from './log-buffer';
import { LogSource, PAGE } from './log-source';
import { ALL_TIME, type LogsRange } from './time-range';

/** How log views look; small state only. The lines themselves stay in each view's LogBuffer. */
export interface LogsSlice {
  logsTimestamps: boolean;
  logsWrap: boolean;
  logsStderrOnly: boolean;
  /** Containers picked in the Logs section for an interleaved view. */
  logsPicked: readonly string[];
  setLogsOption(option: 'logsTimestamps' | 'logsWrap' | 'logsStderrOnly', on: boolean): void;
  setLogsPicked(ids: readonly string[]): void;
  /** The time range of the view, "Load older", the history search and the save. */
  logsRange: LogsRange;
  setLogsRange(range: LogsRange): void;
  /** Feeds `buffer` with the logs of these containers once started; the panel owns and stops it. */
  openLogSource(
    buffer: LogBuffer,
    containerIds: readonly string[],
    tail?: number | 'all',
    range?: LogsRange,
  ): LogSource;
  /** A line of a whole-history search the user opened: the Logs section shows its container around it. */
  logsFocus: { readonly container: string; readonly text: string } | null;
  openLogsAt(container: string, text: string): void;
  /** Scans whole histories for a line; returns the stop (which cancels every engine read of the scan). */
  searchLogHistory: BerthApi['logs']['search'];
  /** A one-use bridge address to download the whole log of these containers (the desktop app saves it instead). */
  logDownloadTicket: BerthApi['logs']['saveTicket'];
}

export const createLogsSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], LogsSlice> =>
  (set) => ({
    logsTimestamps: false,
    logsWrap: false,
    logsStderrOnly: false,
    logsPicked: rememberedPick(),
    logsFocus: null,
    logsRange: ALL_TIME,
    setLogsRange: (range) => set({ logsRange: range }),
    setLogsOption: (option, on) => set({ [option]: on } as Pick<LogsSlice, typeof option>),
    setLogsPicked: (ids) => {
      remember(ids);
      set({ logsPicked: ids, logsFocus: null });
    },
    openLogsAt: (container, text) => {
      remember([container]);
      set({ logsPicked: [container], logsFocus: { container, text } });
    },
    searchLogHistory: (input, listener) => api.logs.search(input, listener),
    openLogSource: (buffer, containerIds, tail = PAGE, range = ALL_TIME) =>
      new LogSource(api, buffer, containerIds, tail, range),
    logDownloadTicket: (input) => api.logs.saveTicket(input),
  });

const PICK_KEY = 'berth.logs.picked';

/** The last choice of the picker survives a reload (ids only; a removed container simply drops out). */
function rememberedPick(): readonly string[] {
  try {
    const raw: unknown = JSON.parse(globalThis.localStorage?.getItem(PICK_KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string').slice(0, 2000) : [];
  } catch {
    return [];
  }
}

function remember(ids: readonly string[]): void {
  try {
    globalThis.localStorage?.setItem(PICK_KEY, JSON.stringify(ids));
  } catch {
    // storage full or off: the choice is only forgotten
  }
}

export const DEFAULT_LOG_LINE_CAP = 100_000;

/** The cap from the settings slice once there is one, else the default. */
export const selectLogLineCap = (state: BerthState): number =>
  (state as Partial<{ settings: { logLineCap?: number } | null }>).settings?.logLineCap ?? DEFAULT_LOG_LINE_CAP;

declare module '../../app/state' {
  interface BerthState extends LogsSlice {}
}
