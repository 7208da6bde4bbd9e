// The whole guided tour in the real renderer against the real engine: every step is done and checked through the
// UI, the transcript shows the commands, and nothing labelled berth.tour=1 is left afterwards.
import { TOUR_STEPS } from '../shared/dto/tour';
import { expect, test } from './fixtures';

const filters = { label: ['berth.tour=1'] };

test('the guided tour passes every check and leaves nothing behind @core', async ({ page, berth, docker }) => {
  test.setTimeout(120_000);
  await page.goto(berth.url);
  await page.evaluate(() => localStorage.removeItem('berth.tour.progress'));
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Learn' }).click();
  await page.getByRole('button', { name: 'Start the guided tour' }).click();
  const steps = page.getByRole('list', { name: 'Tour steps' });
  const check = page.getByRole('status', { name: 'Tour check' });

  for (const [index] of TOUR_STEPS.entries()) {
    const current = steps.getByRole('region', { name: new RegExp(`^Step ${index + 1}: `) });
    await expect(current).toBeVisible();
    await current.getByRole('button', { name: index === TOUR_STEPS.length - 1 ? 'Clean up' : 'Do it' }).click();
    await expect(current.getByLabel('What happened')).toBeVisible({ timeout: 30_000 });
    await current.getByRole('button', { name: 'Check' }).click();
    await expect(check).toContainText('Check passed.', { timeout: 15_000 });
    if (TOUR_STEPS[index] === 'diff' && berth.engine === 'podman') {
      // Podman adds /etc to every container; the check leaves it out and says why.
      await expect(check).toContainText('Not counted: /etc and /run entries the engine made itself');
    }
    if (index === 2) {
      // Mid-tour: the engine really has two running containers from the tour image.
      const running = await docker.listContainers({ filters });
      expect(running.map((c) => c.Names[0]).sort()).toEqual(['/berth-tour-a', '/berth-tour-b']);
    }
  }
  await expect(page.getByText('The tour is complete and left nothing behind.')).toBeVisible();
  expect(await docker.listContainers({ all: true, filters })).toEqual([]);
  expect(await docker.listImages({ all: true, filters })).toEqual([]);

  // The transcript lists what the tour did, as docker commands.
  await page.getByRole('button', { name: /^Commands \(\d+\)$/ }).click();
  const transcript = page.getByRole('complementary', { name: 'Command transcript' });
  await expect(transcript).toContainText('docker build --label berth.tour=1 --tag berth-tour:1');
  await expect(transcript).toContainText('docker commit berth-tour-a berth-tour:2');
  await expect(transcript.getByRole('button', { name: 'Copy command: docker diff berth-tour-b' })).toBeVisible();
});

test('the tour resumes where it stopped, and its cleanup removes a half-finished tour', async ({
  page,
  berth,
  docker,
}) => {
  test.setTimeout(60_000);
  await page.goto(berth.url);
  await page.evaluate(() => localStorage.removeItem('berth.tour.progress'));
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Learn' }).click();
  await page.getByRole('button', { name: 'Start the guided tour' }).click();
  const first = page.getByRole('region', { name: /^Step 1: / });
  await first.getByRole('button', { name: 'Do it' }).click();
  await expect(first.getByLabel('What happened')).toBeVisible({ timeout: 30_000 });
  await first.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByRole('region', { name: /^Step 2: / })).toBeVisible();

  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Learn' }).click();
  await page.getByRole('button', { name: 'Start the guided tour' }).click();
  await expect(page.getByRole('region', { name: /^Step 2: Look at its layers/ })).toBeVisible();

  expect((await docker.listImages({ all: true, filters })).length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Remove everything the tour made and start over' }).click();
  await expect(page.getByRole('region', { name: /^Step 1: / })).toBeVisible();
  await expect.poll(async () => (await docker.listImages({ all: true, filters })).length).toBe(0);
});

test('glossary terms explain themselves on focus and explain mode adds notes', async ({ page, berth }) => {
  await page.goto(berth.url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Learn' }).click();
  await page.getByRole('button', { name: 'Tags, digests and latest' }).click();
  const term = page.getByText('digest', { exact: true }).first();
  await term.focus();
  await expect(term).toHaveAccessibleDescription(/fingerprint of an image’s content/);
  await expect(page.getByRole('tooltip').filter({ hasText: 'fingerprint' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip').filter({ hasText: 'fingerprint' })).toBeHidden();

  await page.getByRole('button', { name: 'See tags and digests' }).click();
  await expect(page.getByRole('table', { name: 'Images and their containers' })).toContainText(
    'berth-fixture/busybox:1',
  );
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Explain', exact: true })).toHaveAttribute('aria-pressed', 'true');
});
