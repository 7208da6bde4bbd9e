import type { StateCreator } from 'zustand/vanilla';
import type { BerthState } from '../../app/store';

/** How log views look; small state only. The lines themselves stay in each view's LogBuffer. */
export interface LogsSlice {
  logsTimestamps: boolean;
  logsWrap: boolean;
  logsStderrOnly: boolean;
  /** Containers picked in the Logs section for an interleaved view. */
  logsPicked: readonly string[];
  setLogsOption(option: 'logsTimestamps' | 'logsWrap' | 'logsStderrOnly', on: boolean): void;
  setLogsPicked(ids: readonly string[]): void;
}

export const createLogsSlice: StateCreator<BerthState, [], [], LogsSlice> = (set) => ({
  logsTimestamps: false,
  logsWrap: false,
  logsStderrOnly: false,
  logsPicked: [],
  setLogsOption: (option, on) => set({ [option]: on } as Pick<LogsSlice, typeof option>),
  setLogsPicked: (ids) => set({ logsPicked: ids }),
});

export const DEFAULT_LOG_LINE_CAP = 100_000;

/** The cap from the settings slice once there is one, else the default. */
export const selectLogLineCap = (state: BerthState): number =>
  (state as Partial<{ settings: { logLineCap?: number } | null }>).settings?.logLineCap ?? DEFAULT_LOG_LINE_CAP;
