import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type { EngineChoice, EngineUseAnswer } from '../../../../shared/dto/engine';
import type { EngineTlsFiles } from '../../../../shared/dto/settings';
import type { BerthError } from '../../../../shared/result';
import type { BerthState } from '../../app/state';

/** What to switch to: a listed engine, or an address typed by the user. */
export type EngineTarget =
  { readonly id: string } | { readonly address: string; readonly tls?: EngineTlsFiles | undefined };

export type SwitchOutcome =
  { readonly ok: true; readonly answer: EngineUseAnswer } | { readonly ok: false; readonly error: BerthError };

export interface EnginesSlice {
  /** The engines the user can switch to (engine:choices); empty until loaded. */
  engineChoices: readonly EngineChoice[];
  engineChoicesError: BerthError | null;
  loadEngineChoices(): Promise<void>;
  /** Asks main to switch; main may answer with a question (state 'confirm') to send back with its token. */
  switchEngine(target: EngineTarget, token?: string): Promise<SwitchOutcome>;
}

export const createEnginesSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], EnginesSlice> =>
  (set, get) => ({
    engineChoices: [],
    engineChoicesError: null,
    async loadEngineChoices() {
      const result = await api.engine.choices();
      if (result.ok) set({ engineChoices: result.value, engineChoicesError: null });
      else set({ engineChoicesError: result.error });
    },
    async switchEngine(target, token) {
      const result = await api.engine.use(token === undefined ? target : { ...target, token });
      if (!result.ok) return result;
      if (result.value.state === 'switched') void get().loadEngineChoices();
      return { ok: true, answer: result.value };
    },
  });

declare module '../../app/state' {
  interface BerthState extends EnginesSlice {}
}
