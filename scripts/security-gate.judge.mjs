// The verdict of the security gate, pure so it can be tested: every finding above INFORMATIONAL fails unless
// security/electronegativity-accepted.json accepts it (same check id and file) with a reason; an acceptance that
// matches nothing any more fails too, so the file cannot rot into a blanket pass.

/** @typedef {{ id: string; file: string; line: number; severity: string; confidence: string; description: string }} Finding */
/** @typedef {{ id: string; file: string; reason: string }} Acceptance */

/**
 * @param {Finding[]} findings
 * @param {Acceptance[]} accepted
 * @returns {{ ok: boolean; failing: Finding[]; acceptedFindings: Finding[]; informational: Finding[]; stale: Acceptance[]; invalid: Acceptance[] }}
 */
export function judge(findings, accepted) {
  const invalid = accepted.filter((a) => typeof a.reason !== 'string' || a.reason.trim().length < 20);
  const valid = accepted.filter((a) => !invalid.includes(a));
  const matches = (a, f) => a.id === f.id && a.file === f.file;
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
