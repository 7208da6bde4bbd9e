// The verdict of the security gate, pure so it can be tested: every finding above INFORMATIONAL fails unless
// security/electronegativity-accepted.json accepts it (same check id, file and snippet: the hash of the flagged line)
// with a reason; an acceptance that matches nothing any more fails too, so the file cannot rot into a blanket pass.
// Matching the line, not only the file, means a second risky call in an accepted file is a new finding.
import { createHash } from 'node:crypto';

/** @typedef {{ id: string; file: string; line: number; snippet: string; code: string; severity: string; confidence: string; description: string }} Finding */
/** @typedef {{ id: string; file: string; snippet: string; reason: string }} Acceptance */

/** The flagged line's identity: its text without surrounding blanks, hashed; moving the line keeps it. */
export function snippetOf(lineText) {
  return createHash('sha256').update(lineText.trim(), 'utf8').digest('hex').slice(0, 16);
}

/**
 * @param {Finding[]} findings
 * @param {Acceptance[]} accepted
 * @returns {{ ok: boolean; failing: Finding[]; acceptedFindings: Finding[]; informational: Finding[]; stale: Acceptance[]; invalid: Acceptance[] }}
 */
export function judge(findings, accepted) {
  const invalid = accepted.filter((a) => typeof a.reason !== 'string' || a.reason.trim().length < 20);
  const valid = accepted.filter((a) => !invalid.includes(a));
  const matches = (a, f) => a.id === f.id && a.file === f.file && a.snippet === f.snippet;
  const informational = findings.filter((f) => f.severity === 'INFORMATIONAL');
  const serious = findings.filter((f) => f.severity !== 'INFORMATIONAL');
  const acceptedFindings = serious.filter((f) => valid.some((a) => matches(a, f)));
  const failing = serious.filter((f) => !acceptedFindings.includes(f));
  const stale = valid.filter((a) => !findings.some((f) => matches(a, f)));
  return {
    ok: failing.length === 0 && stale.length === 0 && invalid.length === 0,
    failing,
    acceptedFindings,
    informational,
    stale,
    invalid,
  };
}
