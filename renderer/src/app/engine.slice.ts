import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../shared/api';
import type { EngineEvent, EngineStatus } from '../../../shared/dto/engine';
import type { BerthError } from '../../../shared/result';
import type { UnreachableStatus } from './explain-unreachable';
import { keepSubscribed } from '../platform/keep-subscribed';
import { announce } from '../ui/announce';
import { eventAnnouncement, statusAnnouncement } from './engine-announcements';
import type { BerthState } from './state';

/** A transport's own link to main is gone (the bridge socket closed), as opposed to the engine being down. */
export const isBridgeLost = (error: BerthError): boolean => error.code === 'BRIDGE_DISCONNECTED';

/** Engine events arrive in bursts (a `docker compose up` sends dozens); one re-fetch per burst is enough. */
export const INVALIDATE_DEBOUNCE_MS = 150;
/** ...but a steady stream of events must not postpone the re-fetch forever. */
export const INVALIDATE_MAX_WAIT_MS = 1000;

/**
 * A list kept fresh by engine events. Each list slice declares its own (e.g. containersList in
 * features/containers/containers.slice.ts); the store passes them all to the engine slice, which names no domain.
 */
export interface EngineList {
  readonly name: string;
  /** The event scopes that make the list stale: every action of a scope (true) or only the actions named. */
  readonly staleOn: Readonly<Partial<Record<EngineEvent['scope'], true | readonly string[]>>>;
  readonly refresh: (state: BerthState) => Promise<void>;
}

/** Which of the lists an engine event makes stale. */
export function staleLists(event: EngineEvent, lists: readonly EngineList[]): readonly EngineList[] {
  return lists.filter((list) => {
    const actions = list.staleOn[event.scope];
    return actions === true || (actions !== undefined && actions.includes(event.action));
  });
}

export interface EngineSlice {
  engineStatus: EngineStatus | null;
  /** The last settled state, so a new attempt ('connecting') after a failure keeps the failure on screen. */
  lastSettled: 'connected' | 'unreachable' | null;
  lastUnreachable: UnreachableStatus | null;
  /** Set while the engine status stream itself is broken (e.g. the bridge socket closed). */
  linkError: BerthError | null;
  retrying: boolean;
  retryError: BerthError | null;
  /** Subscribes to the engine's status and events; returns the cleanup. Called once by the app. */
  startEngine(): () => void;
  retryEngine(): Promise<void>;
  /** The transport reports its link state (browser mode only: Electron's IPC cannot drop). */
  linkDown(error: BerthError): void;
  linkUp(): void;
}

export const createEngineSlice =
  (api: BerthApi, lists: readonly EngineList[]): StateCreator<BerthState, [], [], EngineSlice> =>
  (set, get) => {
    const stale = new Set<EngineList>();
    let debounce: ReturnType<typeof setTimeout> | null = null;
    let burstStart = 0;
    let reopenWatch: (() => void) | null = null;
    // After a lost link, events may have been missed: the next connected status re-fetches everything.
    let missedEvents = false;

    const flush = () => {
      if (debounce !== null) clearTimeout(debounce);
      debounce = null;
      burstStart = 0;
      const due = [...stale];
      stale.clear();
      if (get().engineStatus?.state !== 'connected') return;
      for (const list of due) void list.refresh(get());
    };

    const invalidate = (due: readonly EngineList[]) => {
      if (due.length === 0) return;
      for (const list of due) stale.add(list);
      const now = Date.now();
      if (burstStart === 0) burstStart = now;
      if (debounce !== null) clearTimeout(debounce);
      const wait = Math.min(INVALIDATE_DEBOUNCE_MS, Math.max(0, burstStart + INVALIDATE_MAX_WAIT_MS - now));
      debounce = setTimeout(flush, wait);
    };

    // Compared with the last settled status, so a retry's 'connecting' in between does not repeat the sentence.
    let settled: EngineStatus | null = null;
    const onStatus = (status: EngineStatus) => {
      const before = get().engineStatus;
      // A new connection (another engine after a switch, or the same one again) is a new world: batched statuses
      // may skip the 'connecting' in between, so the connection's start time tells.
      const wasConnected =
        before?.state === 'connected' &&
        status.state === 'connected' &&
        before.since === status.since &&
        before.endpoint.address === status.endpoint.address;
      const sentence = statusAnnouncement(settled, status);
      if (status.state !== 'connecting') settled = status;
      if (sentence !== null) announce(sentence);
      if (status.state === 'connected') set({ engineStatus: status, lastSettled: 'connected', linkError: null });
      else if (status.state === 'unreachable')
        set({ engineStatus: status, lastSettled: 'unreachable', lastUnreachable: status, linkError: null });
      else set({ engineStatus: status, linkError: null });
      if (status.state === 'connected' && (!wasConnected || missedEvents)) {
        missedEvents = false;
        for (const list of lists) stale.add(list);
        flush();
      }
    };

    return {
      engineStatus: null,
      lastSettled: null,
      lastUnreachable: null,
      linkError: null,
      retrying: false,
      retryError: null,

      startEngine() {
        const watch = keepSubscribed<EngineStatus>({
          open: (listener) => api.engine.watch(undefined, listener),
          onData: (items) => {
            const latest = items.at(-1);
            if (latest !== undefined) onStatus(latest);
          },
          onLost: (error) => {
            missedEvents = true;
            set({ linkError: error });
          },
        });
        const events = keepSubscribed<EngineEvent>({
          open: (listener) => api.engine.events(undefined, listener),
          onData: (items) => {
            for (const event of items) {
              const sentence = eventAnnouncement(event);
              if (sentence !== null) announce(sentence);
            }
            invalidate(items.flatMap((event) => staleLists(event, lists)));
          },
          onLost: () => {
            missedEvents = true;
          },
          onReopen: () => invalidate(lists),
        });
        reopenWatch = watch.reopenNow;
        return () => {
          watch.stop();
          events.stop();
          reopenWatch = null;
          if (debounce !== null) clearTimeout(debounce);
          debounce = null;
          stale.clear();
        };
      },

      async retryEngine() {
        if (get().retrying) return;
        set({ retrying: true, retryError: null });
        // With the link lost, a retry also means: try the link again now instead of after the wait.
        if (get().linkError !== null) reopenWatch?.();
        const result = await api.engine.retry();
        // The new status arrives through the watch stream; only a failed request is news here.
        if (result.ok) set({ retrying: false });
        else if (isBridgeLost(result.error)) set({ retrying: false, linkError: result.error });
        else set({ retrying: false, retryError: result.error });
      },

      linkDown(error) {
        missedEvents = true;
        set({ linkError: error });
      },

      linkUp() {
        // The transport re-sends the subscriptions; the watch answers with the current status, which re-fetches.
        set({ linkError: null });
      },
    };
  };

declare module './state' {
  interface BerthState extends EngineSlice {}
}
