/**
 * The matcher of a whole-history search. JavaScript's regex engine backtracks, so a pattern's cost is bounded
 * up front: patterns whose shape can backtrack exponentially (a quantified group that itself holds a
 * quantifier, or a back-reference) are refused with a sentence, and only the first MATCH_TEXT_LIMIT characters
 * of a line are looked at.
 */
import { BerthFailure } from '../../../shared/result';

/** Characters of one line a pattern is run over; the engine's lines are at most this long in practice. */
export const MATCH_TEXT_LIMIT = 16 * 1024;

export interface MatchQuery {
  readonly query: string;
  readonly regex: boolean;
  readonly caseSensitive: boolean;
}

/** Where the first match is in `text`, or null. */
export type Matcher = (text: string) => readonly [number, number] | null;

const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)\s*[*+{]/;
const BACK_REFERENCE = /\\[1-9]|\\k</;

export function compileMatcher(q: MatchQuery): Matcher {
  if (!q.regex) {
    const needle = q.caseSensitive ? q.query : q.query.toLowerCase();
    return (text) => {
      const at = (q.caseSensitive ? text : text.toLowerCase()).indexOf(needle);
      return at < 0 ? null : [at, at + needle.length];
    };
  }
  if (NESTED_QUANTIFIER.test(q.query) || BACK_REFERENCE.test(q.query)) {
    throw new BerthFailure(
      'INVALID_INPUT',
      'This pattern could take very long on some lines (a repeated group that itself repeats, or a back-reference). Simplify it, or search for a literal.',
    );
  }
  let re: RegExp;
  try {
    re = new RegExp(q.query, q.caseSensitive ? 'u' : 'iu');
  } catch (e) {
    throw new BerthFailure('INVALID_INPUT', `The pattern is not a valid regular expression: ${(e as Error).message}`);
  }
  if (re.test('')) {
    throw new BerthFailure('INVALID_INPUT', 'The pattern matches an empty line, so it would match every line.');
  }
  return (text) => {
    const m = re.exec(text.length > MATCH_TEXT_LIMIT ? text.slice(0, MATCH_TEXT_LIMIT) : text);
    return m === null ? null : [m.index, m.index + m[0].length];
  };
}
