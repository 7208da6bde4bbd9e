/** Pull and push progress folded into per-layer rows and one overall figure. Pure. */
import type { TransferEvent } from '../../../../shared/dto/images';

export type LayerPhase = 'waiting' | 'moving' | 'extracting' | 'done';

export interface LayerProgress {
  readonly id: string;
  readonly status: string;
  readonly phase: LayerPhase;
  /** Bytes moved (downloaded or pushed), then extracted, of the layer's total. */
  readonly current: number;
  readonly total: number;
}

export interface TransferProgress {
  readonly layers: readonly LayerProgress[];
  readonly messages: readonly string[];
}

export const EMPTY_PROGRESS: TransferProgress = { layers: [], messages: [] };

const DONE = /^(Pull complete|Already exists|Pushed|Layer already exists|Mounted from)/;

function phaseOf(status: string): LayerPhase {
  if (DONE.test(status)) return 'done';
  if (status.startsWith('Extracting')) return 'extracting';
  if (/^(Downloading|Pushing|Verifying|Download complete)/.test(status)) return 'moving';
  return 'waiting';
}

export function applyTransferEvents(state: TransferProgress, events: readonly TransferEvent[]): TransferProgress {
  const layers = new Map(state.layers.map((l) => [l.id, l]));
  const messages = [...state.messages];
  for (const event of events) {
    if (event.kind === 'status') {
      messages.push(event.message);
      continue;
    }
    const before = layers.get(event.id);
    const phase = phaseOf(event.status);
    const total = event.total ?? before?.total ?? 0;
    // Extraction restarts the byte count; a finished layer counts as whole.
    const current = phase === 'done' ? total : (event.current ?? (phase === before?.phase ? before.current : 0));
    layers.set(event.id, { id: event.id, status: event.status, phase, current, total });
  }
  return { layers: [...layers.values()], messages: messages.slice(-20) };
}

/**
 * 0..1 across every layer with a known size; moving counts for the first half of a pull layer and extracting for
 * the second, so the bar does not stall at 100% while layers unpack.
 */
export function overallFraction(progress: TransferProgress, kind: 'pull' | 'push'): number {
  const sized = progress.layers.filter((l) => l.total > 0 || l.phase === 'done');
  if (sized.length === 0) return 0;
  const parts = sized.map((l) => {
    if (l.phase === 'done') return 1;
    const share = l.total > 0 ? Math.min(1, l.current / l.total) : 0;
    if (kind === 'push') return share;
    return l.phase === 'extracting' ? 0.5 + share / 2 : share / 2;
  });
  return parts.reduce((a, b) => a + b, 0) / progress.layers.length;
}
