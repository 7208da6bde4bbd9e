/**
 * Log lines travel in columns (one array per field) rather than one object per line: a batch of thousands of
 * lines is a handful of arrays on the wire and in the renderer's buffer.
 */
export interface LogLines {
  /** The engine's RFC 3339 timestamps with nanoseconds, in UTC: they sort as strings. */
  readonly ts: readonly string[];
  readonly text: readonly string[];
  /** Indexes into `text` of the lines the container wrote to stderr. */
  readonly stderr: readonly number[];
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
  | ({ readonly kind: 'lines'; readonly container: string } & LogLines)
  | {
      /** Something happened to the stream itself: a restart, the engine going away and coming back. */
      readonly kind: 'notice';
      readonly container: string;
      readonly ts: string;
      readonly text: string;
    };

/** An answer of logs:older: the lines just before the given cursor, oldest first. */
export interface LogsPage extends LogLines {
  readonly container: string;
  /** No older line exists: the page reaches back to the container's creation. */
  readonly atStart: boolean;
}
