import { splitInlineCode } from './inline-code';

/** A plain-sentence message, with `backticked` commands shown as code. */
export function Message({ text }: { text: string }) {
  return (
    <>
      {splitInlineCode(text).map((part, i) =>
        part.code ? (
          <code key={i} className="command command-inline">
            {part.text}
          </code>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
