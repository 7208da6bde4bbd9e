/**
 * One followed log stream. It reads with follow=1 until the engine ends the answer, then finds out why: the
 * container stopped (wait for it to start again, with a marker), restarted, was removed (end with a message),
 * or the engine went away (wait for it, then read on). Every reread starts SLACK before the last delivered line
 * (the log is not quite in timestamp order, see logs.older.ts) and drops lines until it has passed that line,
 * found by its timestamp and how many delivered lines carry it.
 */
import type { LogsChunk } from '../../../shared/dto/logs';
import { BerthFailure } from '../../../shared/result';
import type { StreamSink } from '../core/dispatcher.types';
import { statusOf } from '../engine/errors';
import { LineBatcher, type BatchLimits } from './logs.batch';
import type { OutputStream } from './logs.demux';
import { readLogs, type ReadQuery } from './logs.read';
import { explainReadError, inspectTarget, refuseUnreadable, type LogTarget } from './logs.target';
import { SLACK_NS } from './logs.older';
import { nsToEngineParam, nsToTimestamp, timestampToNs } from './logs.time';
import type { FollowInput, LogsEngine } from './logs.types';

type Why = 'removed' | 'engine-down' | 'running' | 'stopped';

const PAUSE_MS = 500;

export class LogFollower {
  private readonly controller = new AbortController();
  private readonly cleanups: (() => void)[] = [];
  private lastTs = '';
  /** Lines delivered with exactly lastTs. */
  private atLast = 0;
  /** While rereading: the last delivered line is still ahead; it is the `skipLeft`-th line stamped skipTs. */
  private skipTs = '';
  private skipLeft = 0;
  /** While rereading: a line stamped after this means the last delivered line is not in the log any more. */
  private skipUntil = '';
  private starts = 0;
  private removed = false;
  private wake: (() => void) | null = null;
  private batcher: LineBatcher | null = null;

  constructor(
    private readonly engine: LogsEngine,
    private readonly input: FollowInput,
    private readonly sink: StreamSink<LogsChunk>,
    private readonly limits: BatchLimits,
  ) {}

  stop(): void {
    this.controller.abort();
    this.batcher?.dispose();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.wake?.();
  }

  async run(): Promise<void> {
    const signal = this.controller.signal;
    const target = await inspectTarget(this.engine.docker(), this.input.container);
    refuseUnreadable(target);
    if (signal.aborted) return;
    const container = target.id;
    this.sink.emit({ kind: 'opened', container, name: target.name, tty: target.tty, driver: target.driver });
    const batcher = new LineBatcher((lines) => this.sink.emit({ kind: 'lines', container, ...lines }), this.limits);
    this.batcher = batcher;
    void this.probeBeginning(container, target.tty);
    this.cleanups.push(
      this.engine.onEvent((event) => {
        if (event.scope !== 'container' || event.id !== container) return;
        if (event.action === 'start') this.starts += 1;
        if (event.action === 'destroy') this.removed = true;
        this.wake?.();
      }),
      this.engine.onStatus(() => this.wake?.()),
    );

    const { since, until } = this.input;
    if (since && until && timestampToNs(since) > timestampToNs(until)) {
      throw new BerthFailure(
        'INVALID_INPUT',
        'The time range ends before it starts: "since" must come before "until".',
      );
    }
    if (until) return this.readRange(container, target, since, until);
    let query: ReadQuery = {
      follow: true,
      tail: this.input.tail,
      ...(since ? { since: nsToEngineParam(timestampToNs(since)) } : {}),
    };
    let lostEngine = false;
    let announcedStop = false;
    while (!signal.aborted) {
      const startsBefore = this.starts;
      let failure: unknown = null;
      try {
        await readLogs(this.engine.docker(), container, target.tty, query, this.onLine, signal);
      } catch (e) {
        failure = e;
      }
      batcher.flush();
      if (signal.aborted) return;
      query = { follow: true, tail: 'all', since: this.since() };
      this.skipTs = this.lastTs;
      this.skipLeft = this.atLast;
      this.skipUntil = this.lastTs === '' ? '' : nsToTimestamp(timestampToNs(this.lastTs) + SLACK_NS);

      const why = await this.why(container);
      if (signal.aborted) return;
      if (why === 'removed') return this.sink.end(`Container ${target.name} was removed, so its log has ended.`);
      if (why === 'engine-down') {
        if (!lostEngine) this.notice(container, 'Lost the Docker Engine; waiting for it to come back.');
        lostEngine = true;
        await this.sleep(PAUSE_MS);
        await this.until(() => this.engine.status().state === 'connected');
        if (this.engine.status().state === 'connected') {
          lostEngine = false;
          this.notice(container, 'The Docker Engine is back; the log goes on from the last line shown.');
        }
        continue;
      }
      if (failure !== null) throw explainReadError(target, failure);
      if (why === 'running') {
        // The stream ended although the container runs: it stopped and started again in between.
        if (this.starts > startsBefore || announcedStop) this.notice(container, `Container ${target.name} restarted.`);
        announcedStop = false;
        continue;
      }
      if (!announcedStop) this.notice(container, await this.stoppedText(target));
      announcedStop = true;
      await this.until(() => this.starts > startsBefore || this.removed || this.engine.status().state !== 'connected');
      if (this.starts > startsBefore && !this.removed) {
        this.notice(container, `Container ${target.name} restarted.`);
        announcedStop = false;
      }
    }
  }

  /** A closed time range: its lines, all of them (the buffer's cap bounds what the view keeps), then the end. */
  private async readRange(container: string, target: LogTarget, since: string | undefined, until: string) {
    const query: ReadQuery = {
      follow: false,
      ...(since ? { since: nsToEngineParam(timestampToNs(since)) } : {}),
      until: nsToEngineParam(timestampToNs(until)),
    };
    try {
      await readLogs(this.engine.docker(), container, target.tty, query, this.onLine, this.controller.signal);
    } catch (e) {
      throw explainReadError(target, e);
    }
    this.batcher?.flush();
    if (this.controller.signal.aborted) return;
    this.sink.emit({ kind: 'beginning', container });
    this.sink.end(`The time range ends at ${until.slice(0, 19).replace('T', ' ')} UTC: no newer line is shown.`);
  }

  private readonly onLine = (stream: OutputStream, ts: string, text: Buffer): void => {
    if (this.skipLeft > 0) {
      // Lines up to the last delivered one were delivered before.
      if (ts === this.skipTs) {
        this.skipLeft -= 1;
        return;
      }
      if (ts <= this.skipUntil) return;
      this.skipLeft = 0;
    }
    if (ts === this.lastTs) this.atLast += 1;
    else {
      this.lastTs = ts;
      this.atLast = 1;
    }
    this.batcher?.add(stream, ts, text);
  };

  /**
   * Says so when the first read holds the whole log, so that the view offers no "Load older" on a short log: a
   * second read of one line more than the tail, which the engine answers from the end of the log.
   */
  private async probeBeginning(container: string, tty: boolean): Promise<void> {
    const tail = this.input.tail;
    // A closed range says where it starts itself.
    if (this.input.until) return;
    if (tail === 'all') return this.sink.emit({ kind: 'beginning', container });
    const probe = new AbortController();
    const stop = () => probe.abort();
    this.controller.signal.addEventListener('abort', stop, { once: true });
    let lines = 0;
    try {
      const count = () => {
        if (++lines > tail) probe.abort();
      };
      const since = this.input.since ? { since: nsToEngineParam(timestampToNs(this.input.since)) } : {};
      const query = { follow: false, tail: tail + 1, ...since };
      await readLogs(this.engine.docker(), container, tty, query, count, probe.signal);
    } catch {
      // Only a hint: the view keeps "Load older", which answers the same question when asked.
      return;
    } finally {
      this.controller.signal.removeEventListener('abort', stop);
    }
    if (lines <= tail && !this.controller.signal.aborted) this.sink.emit({ kind: 'beginning', container });
  }

  private since(): string | undefined {
    const from = this.input.since ? timestampToNs(this.input.since) : null;
    if (this.lastTs === '') return from === null ? undefined : nsToEngineParam(from);
    const back = timestampToNs(this.lastTs) - SLACK_NS;
    return nsToEngineParam(from !== null && from > back ? from : back);
  }

  private async why(container: string): Promise<Why> {
    if (this.removed) return 'removed';
    try {
      const now = await inspectTarget(this.engine.docker(), container);
      return now.running ? 'running' : 'stopped';
    } catch (e) {
      if (statusOf(e) === 404) return 'removed';
      if (e instanceof BerthFailure && e.error.code === 'ENGINE_UNREACHABLE') return 'engine-down';
      if (statusOf(e) === undefined) return 'engine-down';
      throw e;
    }
  }

  private async stoppedText(target: LogTarget): Promise<string> {
    const now = await inspectTarget(this.engine.docker(), target.id).catch(() => target);
    return `Container ${target.name} stopped (exit code ${now.exitCode}); the log goes on if it starts again.`;
  }

  private notice(container: string, text: string): void {
    this.sink.emit({ kind: 'notice', container, ts: new Date().toISOString(), text });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.controller.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }

  /** Waits until the condition holds, checking it on each engine event or status change. */
  private async until(condition: () => boolean): Promise<void> {
    while (!condition() && !this.controller.signal.aborted) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }
}
