export interface Finding {
  id: string;
  file: string;
  line: number;
  severity: string;
  confidence: string;
  description: string;
}
export interface Acceptance {
  id: string;
  file: string;
  reason: string;
}
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
