/**
 * Log lines travel packed: a batch of thousands of lines is three strings on the wire and in the renderer's
 * buffer, not three values per line. Lines never hold '\n' (the engine splits messages there).
 */
export interface LogBatch {
  /** The lines, joined by '\n'. */
  readonly text: string;
  /** One character per line: 'o' stdout, 'e' stderr. */
  readonly streams: string;
  /** The engine's RFC 3339 timestamps with nanoseconds, in UTC, joined by '\n': they sort as strings. */
  readonly times: string;
}

export type LogsChunk =
  | {
      /** First chunk of a stream: what the view needs to know before the lines. */
      readonly kind: 'opened';
      readonly container: string;
      readonly name: string;
      readonly tty: boolean;
      readonly driver: string;
    }
  | ({ readonly kind: 'lines'; readonly container: string } & LogBatch)
  | {
      /** The lines of this stream begin with the log's first line: there is nothing older to load. */
      readonly kind: 'beginning';
      readonly container: string;
    }
  | {
      /** Something happened to the stream itself: a restart, the engine going away and coming back. */
      readonly kind: 'notice';
      readonly container: string;
      readonly ts: string;
      readonly text: string;
    };

/** An answer of logs:older: the lines just before the given cursor, oldest first. */
export interface LogsPage extends LogBatch {
  readonly container: string;
  /** No older line exists: the page reaches back to the container's creation. */
  readonly atStart: boolean;
}

/** One line of a whole-history search that matched, with a few lines of its container's log around it. */
export interface LogSearchHit {
  readonly container: string;
  readonly name: string;
  readonly stream: 'stdout' | 'stderr';
  readonly ts: string;
  readonly text: string;
  /** Where the first match lies in `text` (UTF-16 offsets), for highlighting. */
  readonly match: readonly [number, number];
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export interface LogSearchCount {
  readonly container: string;
  readonly name: string;
  readonly hits: number;
  readonly lines: number;
  readonly bytes: number;
  readonly done: boolean;
  /** Why this container could not be read, in words. */
  readonly error?: string;
}

export type LogSearchChunk =
  | { readonly kind: 'started'; readonly containers: readonly { readonly id: string; readonly name: string }[] }
  | { readonly kind: 'hits'; readonly hits: readonly LogSearchHit[] }
  | { readonly kind: 'progress'; readonly counts: readonly LogSearchCount[]; readonly bytes: number }
  | {
      readonly kind: 'done';
      readonly hits: number;
      readonly bytes: number;
      /** The result cap was reached: the scan stopped there. */
      readonly capped: boolean;
      readonly limit: number;
    };
