/** The engine's words from a dockerode error and its status, for the sentences volume and network actions give. */

export const statusOf = (e: unknown): number | undefined => {
  const status = (e as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
};

export const engineText = (e: unknown): string => {
  const json = (e as { json?: unknown } | null)?.json;
  if (typeof json === 'string') return json;
  if (Buffer.isBuffer(json)) return json.toString('utf8');
  const message = (json as { message?: unknown } | null)?.message;
  if (typeof message === 'string') return message;
  // Streamed requests (the archive API) leave json empty; docker-modem puts the engine's words in its own message.
  const said = (e as { message?: unknown } | null)?.message;
  return typeof said === 'string' ? (/^\(HTTP code \d+\) [^-]*- ([\s\S]*)$/.exec(said)?.[1] ?? '') : '';
};

/** "a, b and c" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
