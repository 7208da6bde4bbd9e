import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type { Relationships } from '../../../../shared/dto/learn';
import type { TranscriptEntry } from '../../../../shared/dto/transcript';
import type { BerthError } from '../../../../shared/result';
import type { LoadState } from '../../ui/load-state';
import { keepSubscribed } from '../../platform/keep-subscribed';
import type { BerthState } from '../../app/state';
import type { RunForm } from '../containers/run-form';

/** The session transcript (kept by main, so opening the drawer late still shows everything) and the relationships view. */
export interface LearnSlice {
  transcript: readonly TranscriptEntry[];
  transcriptOpen: boolean;
  setTranscriptOpen(open: boolean): void;
  /** Loads the session so far and follows new entries; returns the cleanup. */
  watchTranscript(): () => void;
  relationships: Relationships | null;
  relationshipsLoad: LoadState;
  relationshipsError: BerthError | null;
  refreshRelationships(): Promise<void>;
  /** The guided tour's engine calls: its steps, doing and checking one, and removing what it made. */
  planTour: BerthApi['tour']['plan'];
  runTourStep: BerthApi['tour']['run'];
  checkTourStep: BerthApi['tour']['check'];
  cleanUpTour: BerthApi['tour']['cleanup'];
  /** A pasted `docker run` on its way to the run form ("Open in the form"); the Containers screen opens it. */
  runDraft: RunForm | null;
  setRunDraft(draft: RunForm | null): void;
  /** The command the explainer page opens with (a lesson's example). */
  explainText: string;
  setExplainText(text: string): void;
}

const byId = (entries: readonly TranscriptEntry[]) => {
  const seen = new Map(entries.map((e) => [e.id, e]));
  return [...seen.values()].sort((a, b) => a.id - b.id);
};

export const createLearnSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], LearnSlice> =>
  (set, get) => ({
    transcript: [],
    transcriptOpen: false,
    setTranscriptOpen: (open) => set({ transcriptOpen: open }),
    watchTranscript() {
      const load = async () => {
        const result = await api.transcript.list();
        if (result.ok) set({ transcript: byId([...result.value, ...get().transcript]) });
      };
      void load();
      const watch = keepSubscribed<TranscriptEntry>({
        open: (listener) => api.transcript.watch(undefined, listener),
        onData: (items) => set({ transcript: byId([...get().transcript, ...items]) }),
        onLost: () => undefined,
        // Entries made while the stream was down are in main's list.
        onReopen: () => void load(),
      });
      return () => watch.stop();
    },
    planTour: () => api.tour.plan(),
    runTourStep: (input) => api.tour.run(input),
    checkTourStep: (input) => api.tour.check(input),
    cleanUpTour: () => api.tour.cleanup(),
    runDraft: null,
    setRunDraft: (draft) => set({ runDraft: draft }),
    explainText: '',
    setExplainText: (text) => set({ explainText: text }),
    relationships: null,
    relationshipsLoad: 'idle',
    relationshipsError: null,
    async refreshRelationships() {
      if (get().relationshipsLoad !== 'ready') set({ relationshipsLoad: 'loading' });
      const result = await api.learn.relationships();
      if (result.ok) set({ relationships: result.value, relationshipsLoad: 'ready', relationshipsError: null });
      else set({ relationshipsLoad: 'error', relationshipsError: result.error });
    },
  });

declare module '../../app/state' {
  interface BerthState extends LearnSlice {}
}
