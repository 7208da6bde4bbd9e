import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type { EngineChoice, EngineUseAnswer } from '../../../../shared/dto/engine';
import type { EngineTlsFiles } from '../../../../shared/dto/settings';
import type { BerthError, Result } from '../../../../shared/result';
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
  /** Desktop: main's open dialog for a TLS file; the path it answers (null when cancelled) is one main granted. */
  pickTlsFile(which: 'ca' | 'cert' | 'key'): Promise<Result<string | null>>;
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
    async pickTlsFile(which) {
      const picked = await api.desktop.pickTlsFile({ which });
      if (!picked.ok) return picked;
      return { ok: true, value: picked.value.cancelled ? null : picked.value.path };
    },
  });

declare module '../../app/state' {
  interface BerthState extends EnginesSlice {}
}
