/**
 * Container logs: a followed stream that starts with the newest lines and survives container restarts and
 * engine restarts, and pages of older lines for "load older". The cursor is a timestamp plus how many lines
 * with exactly that timestamp the view holds; the line is found again in the log's own order (logs.older.ts),
 * so neither a resumed stream nor a page repeats or skips a line.
 */
import type { LogsChunk, LogsPage } from '../../../shared/dto/logs';
import type { StreamSink } from '../core/dispatcher.types';
import { toBerthError } from '../engine/errors';
import { DEFAULT_BATCH, PackedLines, type BatchLimits } from './logs.batch';
import { readOlder, type OlderReaders } from './logs.older';
import type { LineSink } from './logs.decode';
import { readLogs, type ReadQuery } from './logs.read';
import { explainReadError, inspectTarget, refuseUnreadable } from './logs.target';
import { nsToEngineParam, nsToTimestamp, SECOND_NS, timestampToNs } from './logs.time';
import { LogFollower } from './logs.follow';
import { exportLogs, exportTargets, type ExportResult } from './logs.export';
import type { LogTarget } from './logs.target';
import type { Writable } from 'node:stream';
import type { LogSearchChunk } from '../../../shared/dto/logs';
import { LogSearch, type SearchInput } from './logs.search';
import type { FollowInput, LogsEngine, OlderInput } from './logs.types';

export class LogsService {
  constructor(
    private readonly engine: LogsEngine,
    private readonly batch: BatchLimits = DEFAULT_BATCH,
  ) {}

  /** Starts following; returns the cleanup. Failures reach the sink as errors with a plain sentence. */
  follow(input: FollowInput, sink: StreamSink<LogsChunk>): () => void {
    const follower = new LogFollower(this.engine, input, sink, this.batch);
    follower.run().catch((e: unknown) => sink.fail(toBerthError(e)));
    return () => follower.stop();
  }

  /** Searches whole histories; returns the cleanup, which aborts every engine read of the scan. */
  search(input: SearchInput, sink: StreamSink<LogSearchChunk>): () => void {
    const scan = new LogSearch(this.engine.docker(), input, sink);
    scan.run().catch((e: unknown) => {
      scan.stop();
      sink.fail(toBerthError(e));
    });
    return () => scan.stop();
  }

  /** The containers of a whole-log save, checked before a file is chosen or a download starts. */
  exportTargets(refs: readonly string[]): Promise<LogTarget[]> {
    return exportTargets(this.engine.docker(), refs);
  }

  /** Writes the whole logs of `targets` to `out`, interleaved by timestamp; `out` is left open. */
  exportTo(targets: readonly LogTarget[], out: Writable, signal: AbortSignal): Promise<ExportResult> {
    return exportLogs(this.engine.docker(), targets, out, signal);
  }

  async older(input: OlderInput): Promise<LogsPage> {
    const docker = this.engine.docker();
    const target = await inspectTarget(docker, input.container);
    refuseUnreadable(target);
    const read = (query: ReadQuery, sink: LineSink, signal: AbortSignal) =>
      readLogs(docker, target.id, target.tty, query, sink, signal).catch((e: unknown) => {
        throw explainReadError(target, e);
      });
    const readers: OlderReaders = {
      window: (sinceNs, untilNs, sink, signal) =>
        read({ follow: false, since: nsToEngineParam(sinceNs), until: nsToEngineParam(untilNs) }, sink, signal),
      tail: (tail, untilNs, sink, signal) =>
        read({ follow: false, tail, until: nsToEngineParam(untilNs) }, sink, signal),
    };
    const startNs = timestampToNs(target.created) - SECOND_NS;
    const cursor = { ts: input.before, held: input.skip, after: input.after };
    const packed = new PackedLines();
    // The view's time range starts at `since`: nothing before it is older than the view may go.
    const since = input.since ? nsToTimestamp(timestampToNs(input.since)) : '';
    if (since !== '' && input.before <= since) return { container: target.id, ...packed.take(), atStart: true };
    const page = await readOlder(readers, cursor, startNs, input.limit);
    const lines = since === '' ? page.lines : page.lines.filter((l) => l.ts >= since);
    for (const line of lines) packed.add(line.stream, line.ts, line.text);
    return { container: target.id, ...packed.take(), atStart: page.atStart || lines.length < page.lines.length };
  }
}
