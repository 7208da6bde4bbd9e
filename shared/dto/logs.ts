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
