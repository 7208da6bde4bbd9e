// axe-core in the page: any spec can call `expectNoAxeViolations(page, 'what is on screen')` to check WCAG 2.1 A/AA
// and fail with a readable list (rule, impact, what it means, each offending element and axe's own advice).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, Result, RunOptions } from 'axe-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** Runs axe-core over the page (or the part `include` selects) with the WCAG 2.1 A and AA rules. */
export async function runAxe(page: Page, include?: string): Promise<AxeResults> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol rather than page.addScriptTag: Berth's CSP (script-src 'self') rightly
  // refuses an inline script, and the check must not need the CSP relaxed.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const options: RunOptions = { runOnly: { type: 'tag', values: [...WCAG_TAGS] }, resultTypes: ['violations'] };
  return page.evaluate(
    async ({ options, include }) => {
      const axe = (
        window as unknown as { axe: { run: (context: unknown, options: RunOptions) => Promise<AxeResults> } }
      ).axe;
      return axe.run(include ? { include: [include] } : document, options);
    },
    { options, include },
  );
}

/** Violations as a report a person can act on: one block per rule, one line per element. */
export function formatViolations(violations: readonly Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n\s*/g, ' ') ?? ''}`)
        .join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.nodes.length})\n${nodes}`;
    })
    .join('\n');
}

/** Fails the test if axe finds any WCAG 2.1 A/AA violation; `where` names the screen in the message. */
export async function expectNoAxeViolations(page: Page, where: string, include?: string): Promise<void> {
  const { violations } = await runAxe(page, include);
  // Compared as text so that a failure prints the report itself rather than a diff of axe's objects; soft, so one
  // run lists the violations of every screen the test visits (the test still fails).
  expect.soft(formatViolations(violations), `axe-core found WCAG 2.1 A/AA violations on ${where}`).toBe('');
}

/**
 * The buttons, links and form fields on screen that have no accessible name (aria-label, aria-labelledby, a label,
 * their text, a title or an image's alt), described so a person can find them. axe's name rules check the same;
 * this says it in one line per control.
 */
export async function unnamedControls(page: Page): Promise<string[]> {
  return page
    .locator('button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="tab"]')
    .evaluateAll((controls) =>
      controls
        .filter((c) => c.getClientRects().length > 0)
        .filter((c) => {
          const byIds = (c.getAttribute('aria-labelledby') ?? '')
            .split(/\s+/)
            .map((id) => (id ? document.getElementById(id)?.textContent : '') ?? '')
            .join('');
          const labels =
            'labels' in c && c.labels ? [...(c.labels as NodeListOf<HTMLLabelElement>)].map((l) => l.textContent) : [];
          const alt = [...c.querySelectorAll('img[alt], svg[aria-label]')].map(
            (i) => i.getAttribute('alt') ?? i.getAttribute('aria-label'),
          );
          const text = [
            c.getAttribute('aria-label'),
            byIds,
            ...labels,
            c instanceof HTMLInputElement && ['submit', 'button', 'reset'].includes(c.type) ? c.value : '',
            c instanceof HTMLInputElement ? c.placeholder : '',
            c.textContent,
            c.getAttribute('title'),
            ...alt,
          ].join('');
          return text.trim() === '';
        })
        .map((c) => c.outerHTML.slice(0, 160)),
    );
}
