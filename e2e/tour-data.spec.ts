// The second guided tour, "Where data lives and how containers talk", in the real renderer against the real engine:
// every step done and checked through the UI, the published port opened from here, and nothing labelled
// berth.tour=1 left afterwards, as the docker CLI sees it.
import { DATA_TOUR_STEPS } from '../shared/dto/tour';
import { dockerCli, expect, test } from './fixtures';

const label = 'label=berth.tour=1';

test('the data and networks tour passes every check and leaves nothing behind', async ({ page, berth }) => {
  test.setTimeout(90_000);
  const cli = (...args: string[]) => dockerCli(berth.dockerHost, ...args);
  await page.goto(berth.url);
  await page.evaluate(() => localStorage.removeItem('berth.tour.data.progress'));
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Learn' }).click();
  await page.getByRole('button', { name: 'Start the second tour: Where data lives and how containers talk' }).click();
  await expect(page.getByRole('heading', { name: /Where data lives and how containers talk/ }).first()).toBeVisible();
  const steps = page.getByRole('list', { name: 'Tour steps' });
  const check = page.getByRole('status', { name: 'Tour check' });

  for (const [index, step] of DATA_TOUR_STEPS.entries()) {
    const current = steps.getByRole('region', { name: new RegExp(`^Step ${index + 1}: `) });
    await expect(current).toBeVisible();
    await current.getByRole('button', { name: step === 'cleanup' ? 'Clean up' : 'Do it' }).click();
    const happened = current.getByLabel('What happened');
    await expect(happened).toBeVisible({ timeout: 30_000 });
    if (step === 'lose') await expect(happened).toContainText('there is no /data/note.txt');
    if (step === 'keep') await expect(happened).toContainText('/data/note.txt says "Written by the Berth tour');
    if (step === 'look') {
      await expect(happened).toContainText('inside: note.txt');
      await expect(current.getByRole('button', { name: 'Browse berth-tour-data on the Volumes screen' })).toBeVisible();
    }
    if (step === 'network') {
      await expect(happened).toContainText('hello from berth-tour-web');
      await expect(happened).toContainText('does not resolve');
      expect(cli('network', 'ls', '--filter', label, '--format', '{{.Name}}')).toBe('berth-tour-net');
    }
    if (step === 'publish') {
      const link = current.getByRole('link', { name: /^Open http:\/\/127\.0\.0\.1:\d+\/$/ });
      const href = (await link.getAttribute('href')) ?? '';
      expect(href).toContain(cli('port', 'berth-tour-port', '8080').split('\n')[0] ?? 'no port');
      expect(await (await page.request.get(href)).text()).toBe('hello from berth-tour-port\n');
    }
    await current.getByRole('button', { name: 'Check' }).click();
    await expect(check).toContainText('Check passed.', { timeout: 15_000 });
  }
  await expect(page.getByText('The tour is complete and left nothing behind.')).toBeVisible();
  expect(cli('ps', '--all', '--quiet', '--filter', label)).toBe('');
  expect(cli('volume', 'ls', '--quiet', '--filter', label)).toBe('');
  expect(cli('network', 'ls', '--quiet', '--filter', label)).toBe('');
  expect(cli('image', 'ls', '--all', '--quiet', '--filter', label)).toBe('');

  // The transcript lists what the tour did, as docker commands.
  await page.getByRole('button', { name: /^Commands \(\d+\)$/ }).click();
  const transcript = page.getByRole('complementary', { name: 'Command transcript' });
  await expect(transcript).toContainText('docker volume create --label berth.tour=1 berth-tour-data');
  await expect(transcript).toContainText('docker exec berth-tour-client /bin/talk ask berth-tour-web 8080');
  await expect(transcript).toContainText('docker network rm berth-tour-net');
});
