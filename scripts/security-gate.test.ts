import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judge, snippetOf } from './security-gate.judge.mjs';

const CODE = 'shell.openExternal(url);';
const finding = (id: string, file: string, severity = 'MEDIUM', code = CODE) => ({
  id,
  file,
  line: 1,
  code,
  snippet: snippetOf(code),
  severity,
  confidence: 'FIRM',
  description: '',
});
const reason = 'Because the options come from a tested function the scanner cannot follow.';

describe('security gate verdict', () => {
  it('passes when every finding above INFORMATIONAL is accepted with a reason', () => {
    const v = judge(
      [finding('SANDBOX_JS_CHECK', 'main/index.ts'), finding('X', 'a.ts', 'INFORMATIONAL')],
      [{ id: 'SANDBOX_JS_CHECK', file: 'main/index.ts', snippet: snippetOf(CODE), reason }],
    );
    expect(v).toMatchObject({ ok: true, failing: [], stale: [], invalid: [] });
    expect(v.informational).toHaveLength(1);
  });

  it('fails on a finding that is not accepted, or accepted for another file', () => {
    const v = judge(
      [finding('SANDBOX_JS_CHECK', 'main/other.ts', 'LOW')],
      [{ id: 'SANDBOX_JS_CHECK', file: 'main/index.ts', snippet: snippetOf(CODE), reason }],
    );
    expect(v.ok).toBe(false);
    expect(v.failing.map((f) => f.file)).toEqual(['main/other.ts']);
    expect(v.stale).toHaveLength(1);
  });

  it('fails on a second risky line in an accepted file, and follows an accepted line that moved', () => {
    const accepted = [{ id: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/index.ts', snippet: snippetOf(CODE), reason }];
    const second = judge(
      [
        finding('OPEN_EXTERNAL_JS_CHECK', 'main/index.ts'),
        finding('OPEN_EXTERNAL_JS_CHECK', 'main/index.ts', 'MEDIUM', 'shell.openExternal(untrusted);'),
      ],
      accepted,
    );
    expect(second.ok).toBe(false);
    expect(second.failing.map((f) => f.code)).toEqual(['shell.openExternal(untrusted);']);
    const moved = judge(
      [{ ...finding('OPEN_EXTERNAL_JS_CHECK', 'main/index.ts'), line: 90, code: `    ${CODE}` }],
      accepted,
    );
    expect(moved.ok).toBe(true);
  });

  it('fails on an acceptance without a real reason', () => {
    const v = judge([finding('A', 'f.ts')], [{ id: 'A', file: 'f.ts', snippet: snippetOf(CODE), reason: 'ok' }]);
    expect(v.ok).toBe(false);
    expect(v.invalid).toHaveLength(1);
    expect(v.failing).toHaveLength(1);
  });

  it('the accepted file in the repo gives a reason for each entry', () => {
    const file = JSON.parse(
      readFileSync(new URL('../security/electronegativity-accepted.json', import.meta.url), 'utf8'),
    ) as {
      accepted: { id: string; file: string; snippet: string; code: string; reason: string }[];
    };
    expect(file.accepted.length).toBeGreaterThan(0);
    expect(judge([], file.accepted).invalid).toEqual([]);
    for (const a of file.accepted) expect(a.snippet, a.code).toBe(snippetOf(a.code));
  });
});
