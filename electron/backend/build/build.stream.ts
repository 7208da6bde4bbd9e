/** The engine's build output: newline-delimited JSON, split into messages; a line that is not JSON is passed on as text. */
import type { Readable } from 'node:stream';

export async function* messages(body: Readable): AsyncGenerator<unknown> {
  // Decoding on the stream keeps a character split across two chunks whole.
  body.setEncoding('utf8');
  let rest = '';
  for await (const chunk of body) {
    rest += String(chunk);
    const lines = rest.split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') yield parse(line);
  }
  if (rest.trim() !== '') yield parse(rest);
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return { stream: `${line}\n` };
  }
}
