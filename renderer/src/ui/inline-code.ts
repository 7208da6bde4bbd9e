export interface TextPart {
  readonly text: string;
  readonly code: boolean;
}

/**
 * Messages from main mark commands with backticks ("start it with `npm run serve`"); this splits them so the
 * view can show those parts as code. The text is never parsed as markup.
 */
export function splitInlineCode(message: string): TextPart[] {
  const parts = message.split('`');
  // An odd number of backticks leaves the last one unmatched: then it is an ordinary character.
  if (parts.length % 2 === 0) return [{ text: message, code: false }];
  return parts.map((text, i) => ({ text, code: i % 2 === 1 })).filter((p) => p.text !== '');
}
