import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type {
  LoginPlan,
  LoginResult,
  LoginSpec,
  LogoutResult,
  RegistriesOverview,
} from '../../../../shared/dto/registries';
import type { BerthError, Result } from '../../../../shared/result';
import type { LoadState } from '../../ui/load-state';
import type { BerthState } from '../../app/state';

/** A login asked for from an error ("log in to REGISTRY"), with what to do again once logged in. */
export interface LoginPrompt {
  readonly registry: string;
  readonly retry: (() => void) | null;
}

export interface RegistriesSlice {
  registries: RegistriesOverview | null;
  registriesLoad: LoadState;
  registriesError: BerthError | null;
  loginPrompt: LoginPrompt | null;
  refreshRegistries(): Promise<void>;
  planLogin(server: string): Promise<Result<LoginPlan>>;
  /** The password goes to the backend once, for this call; the store never keeps it. */
  logIn(spec: LoginSpec): Promise<Result<LoginResult>>;
  logOut(server: string): Promise<Result<LogoutResult>>;
  askLogin(registry: string, retry?: () => void): void;
  closeLoginPrompt(): void;
}

declare module '../../app/state' {
  interface BerthState extends RegistriesSlice {}
}

export const createRegistriesSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], RegistriesSlice> =>
  (set, get) => ({
    registries: null,
    registriesLoad: 'idle',
    registriesError: null,
    loginPrompt: null,
    async refreshRegistries() {
      if (get().registriesLoad !== 'ready') set({ registriesLoad: 'loading' });
      const result = await api.registries.list();
      if (result.ok) set({ registries: result.value, registriesLoad: 'ready', registriesError: null });
      else set({ registriesLoad: 'error', registriesError: result.error });
    },
    planLogin: (server) => api.registries.plan({ server }),
    async logIn(spec) {
      const result = await api.registries.login(spec);
      if (result.ok) void get().refreshRegistries();
      return result;
    },
    async logOut(server) {
      const result = await api.registries.logout({ server });
      if (result.ok) void get().refreshRegistries();
      return result;
    },
    askLogin: (registry, retry) => set({ loginPrompt: { registry, retry: retry ?? null } }),
    closeLoginPrompt: () => set({ loginPrompt: null }),
  });
