export interface Finding {
  id: string;
  file: string;
  line: number;
  /** The flagged line, trimmed. */
  code: string;
  snippet: string;
  severity: string;
  confidence: string;
  description: string;
}
export interface Acceptance {
  id: string;
  file: string;
  snippet: string;
  code?: string;
  reason: string;
}
/** The first 16 hex digits of the SHA-256 of the trimmed line. */
export function snippetOf(lineText: string): string;
export function judge(
  findings: Finding[],
  accepted: Acceptance[],
): {
  ok: boolean;
  failing: Finding[];
  acceptedFindings: Finding[];
  informational: Finding[];
  stale: Acceptance[];
  invalid: Acceptance[];
};
