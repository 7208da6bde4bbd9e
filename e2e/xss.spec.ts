// XSS sweep: hostile strings go into every engine-provided field the UI shows (labels, env, log lines, image history,
// Dockerfile text, build errors, volume and network labels), then every screen that shows them is visited. Each
// visit asserts that nothing was injected (no <img src="x">, no javascript: link, window.__xss unset), that the text
// is shown as text, and that the page stayed responsive with a 1 MB label value.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { dockerCli, expect, FIXTURE, test } from './fixtures';

const HTML = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '<script>window.__xss=2</script>';
const JS_URL = 'javascript:window.__xss=3';
const ESC = '\u001b';
const ANSI = `${ESC}[31mred${ESC}[0m`;
const OSC8 = `${ESC}]8;;javascript:window.__xss=4${ESC}\\click me${ESC}]8;;${ESC}\\`;
const BIDI = 'abc\u202Etxt.exe';
const HUGE = 'A'.repeat(1024 * 1024);

const unique = (what: string) => `berth-e2e-xss-${what}-${Date.now().toString(36)}`;

async function section(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true }).click();
}

/** Nothing was injected and the page still answers quickly. */
async function assertClean(page: Page, where: string): Promise<void> {
  const started = Date.now();
  const found = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    imgs: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__xss')).length,
    jsLinks: [...document.querySelectorAll('a[href], area[href]')].filter((a) =>
      /^\s*javascript:/i.test(a.getAttribute('href') ?? ''),
    ).length,
    handlers: [...document.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => a.name.startsWith('on') && a.value.includes('__xss')),
    ).length,
  }));
  expect(found, `on ${where}`).toEqual({ xss: undefined, imgs: 0, scripts: 0, jsLinks: 0, handlers: 0 });
  // The evaluate above is a round trip through the page's main thread: a hung renderer would not answer in time.
  expect(Date.now() - started, `the page answered on ${where}`).toBeLessThan(5000);
}

test('hostile strings from the engine are shown as text on every screen', async ({ page, berth, docker }) => {
  test.setTimeout(240_000);
  const name = unique('ctr');
  const image = `${unique('img')}:1`;
  const volume = unique('vol');
  const network = unique('net');
  const context = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-xss-'));
  const failing = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-xss-fail-'));
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  try {
    // An image whose labels, history (RUN lines) and Dockerfile text carry HTML.
    fs.writeFileSync(
      path.join(context, 'Dockerfile'),
      `FROM ${FIXTURE}\nLABEL berth.test=1 xss.html="${HTML}" xss.url="${JS_URL}"\nRUN echo '${HTML}' > /x.html\n`,
    );
    dockerCli(berth.dockerHost, 'build', '-q', '-t', image, context);

    // A container with hostile labels (one of them 1 MB), env values and log lines.
    const container = await docker.createContainer({
      name,
      Image: image,
      Cmd: [
        'sh',
        '-c',
        `printf '%s\\n' '${HTML}' '${SCRIPT}' '${JS_URL}' "$ANSI" "$OSC8" "$BIDI" 'end of hostile log'; sleep 600`,
      ],
      Env: [`ANSI=${ANSI}`, `OSC8=${OSC8}`, `BIDI=${BIDI}`, `HTML=${HTML}`],
      Labels: {
        'berth.test': '1',
        'xss.html': HTML,
        'xss.script': SCRIPT,
        'xss.url': JS_URL,
        'xss.bidi': BIDI,
        'xss.ansi': ANSI,
        'xss.huge': HUGE,
      },
    });
    await container.start();
    await docker.createVolume({ Name: volume, Labels: { 'berth.test': '1', 'xss.html': HTML, 'xss.url': JS_URL } });
    await docker.createNetwork({
      Name: network,
      Driver: 'bridge',
      Labels: { 'berth.test': '1', 'xss.html': HTML, 'xss.url': JS_URL },
    });

    await page.goto(berth.url);
    await assertClean(page, 'start');

    // Containers list and every tab of the container's page.
    await section(page, 'Containers');
    const row = page.getByRole('grid', { name: 'Containers' }).getByRole('row').filter({ hasText: name });
    await expect(row).toBeVisible({ timeout: 15_000 });
    await assertClean(page, 'containers list');
    await row.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    for (const tab of ['Overview', 'Files', 'Processes', 'Stats', 'Logs', 'Inspect']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
      if (tab === 'Overview') await expect(page.getByRole('main')).toContainText(HTML);
      if (tab === 'Logs') await expect(page.getByRole('log').first()).toContainText('end of hostile log');
      if (tab === 'Inspect') await expect(page.getByRole('main')).toContainText('xss.script');
      await assertClean(page, `container ${tab} tab`);
    }

    // The Logs section: every hostile line is text, the OSC 8 link is not a link.
    await section(page, 'Logs');
    await page.getByRole('checkbox', { name }).check();
    const log = page.getByRole('log', { name: 'Log lines' });
    await expect(log).toContainText('end of hostile log');
    await expect(log).toContainText(HTML);
    await expect(log).toContainText(SCRIPT);
    await expect(log).toContainText(JS_URL);
    await expect(log).toContainText('click me');
    expect(await log.locator('a').count()).toBe(0);
    await assertClean(page, 'logs');

    // The image page: overview (labels), layers (history), raw.
    await section(page, 'Images');
    await page.getByRole('button', { name: `Open image ${image}` }).click();
    await expect(page.getByRole('heading', { name: image })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(HTML);
    await assertClean(page, 'image overview');
    for (const tab of ['Layers', 'Containers', 'Raw']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
      if (tab === 'Layers') await expect(page.getByRole('main')).toContainText('onerror', { timeout: 15_000 });
      await assertClean(page, `image ${tab} tab`);
    }

    // Volumes and networks: list and page.
    await section(page, 'Volumes');
    await page.getByRole('button', { name: `Open volume ${volume}` }).click();
    await expect(page.getByRole('main')).toContainText(HTML);
    await assertClean(page, 'volume page');
    await section(page, 'Networks');
    await page.getByRole('button', { name: `Open network ${network}` }).click();
    // The network page does not show labels; its name is what it shows from the engine.
    await expect(page.getByRole('heading', { name: network })).toBeVisible();
    await assertClean(page, 'network page');

    // The relationships picture.
    await section(page, 'Learn');
    await page.getByRole('button', { name: 'How your images and containers relate' }).click();
    await expect(page.getByRole('region', { name: 'Your engine as a picture' })).toBeVisible();
    await assertClean(page, 'relationships');

    // A build whose Dockerfile and error text carry HTML: the preview and the failure are text.
    fs.writeFileSync(
      path.join(failing, 'Dockerfile'),
      `FROM ${FIXTURE}\n# ${HTML}\nRUN echo '${HTML}' >&2 && exit 3\n`,
    );
    await section(page, 'Build');
    await page.getByLabel('Context folder').fill(failing);
    await page.getByRole('button', { name: 'Preview context' }).click();
    await page.getByLabel('Builder').selectOption('classic');
    await assertClean(page, 'build preview');
    await page.getByRole('button', { name: 'Build image', exact: true }).click();
    const progress = page.getByRole('region', { name: 'Build progress' });
    await expect(progress).toContainText(HTML, { timeout: 60_000 });
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: /exit|non-zero|returned/i })
        .first(),
    ).toBeVisible({
      timeout: 60_000,
    });
    await assertClean(page, 'build failure');

    expect(pageErrors).toEqual([]);
  } finally {
    fs.rmSync(context, { recursive: true, force: true });
    fs.rmSync(failing, { recursive: true, force: true });
    for (const args of [
      ['rm', '-f', name],
      ['rmi', '-f', image],
      ['volume', 'rm', '-f', volume],
      ['network', 'rm', network],
    ]) {
      try {
        dockerCli(berth.dockerHost, ...args);
      } catch {
        // Never created.
      }
    }
  }
});
