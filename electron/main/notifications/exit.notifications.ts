/**
 * When a container exits unexpectedly, a notification in words. Pure: ExitWatch decides from engine events which
 * exits are worth a look, exitNotification writes the text once the container's state is known.
 */
import type { EngineEvent } from '../../../shared/dto/engine';
import { explainExit } from '../../../shared/exit-codes';

export interface ExitInfo {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly exitCode: number;
  readonly oomKilled: boolean;
}

export interface NotificationText {
  readonly title: string;
  readonly body: string;
}

/** null for an exit that is not news: code 0 without running out of memory. */
export function exitNotification(info: ExitInfo): NotificationText | null {
  if (info.exitCode === 0 && !info.oomKilled) return null;
  const why = explainExit(info.exitCode, { oomKilled: info.oomKilled });
  const name = info.name.replace(/^\//, '');
  return {
    title: `${name} ${why.phrase}`,
    body: [`${name} (${info.image}) exited with ${why.code}.`, why.hint, 'Click to open its logs.']
      .filter(Boolean)
      .join(' '),
  };
}

export interface ExitWatchOptions {
  /** A 'kill' or 'stop' this recent before a 'die' means someone stopped the container on purpose. */
  readonly intentMs?: number;
  /** At most one notification per container this often: a crash loop must not flood the desktop. */
  readonly quietMs?: number;
}

/** Follows container events and answers, for each 'die', whether it is an unexpected exit worth a look. */
export class ExitWatch {
  private readonly intent = new Map<string, number>();
  private readonly oom = new Set<string>();
  private readonly lastShown = new Map<string, number>();
  private readonly intentMs: number;
  private readonly quietMs: number;

  constructor(options: ExitWatchOptions = {}) {
    this.intentMs = options.intentMs ?? 15_000;
    this.quietMs = options.quietMs ?? 60_000;
  }

  /** { id, oomEvent } when this event is an unexpected exit to inspect, else null. */
  onEvent(event: EngineEvent): { readonly id: string; readonly oomEvent: boolean } | null {
    if (event.scope !== 'container' || event.id === '') return null;
    switch (event.action) {
      case 'kill':
      case 'stop':
        this.intent.set(event.id, event.time);
        return null;
      case 'oom':
        this.oom.add(event.id);
        return null;
      case 'destroy':
        this.forget(event.id);
        return null;
      case 'die':
        return this.onDie(event);
      default:
        return null;
    }
  }

  private onDie(event: EngineEvent): { readonly id: string; readonly oomEvent: boolean } | null {
    const oomEvent = this.oom.delete(event.id);
    const intended = this.intent.get(event.id);
    this.intent.delete(event.id);
    // A stop or kill on purpose is not unexpected, unless memory ran out on the way.
    if (!oomEvent && intended !== undefined && event.time - intended <= this.intentMs) return null;
    const last = this.lastShown.get(event.id);
    if (last !== undefined && event.time - last < this.quietMs) return null;
    this.lastShown.set(event.id, event.time);
    return { id: event.id, oomEvent };
  }

  private forget(id: string): void {
    this.intent.delete(id);
    this.oom.delete(id);
    this.lastShown.delete(id);
  }
}
