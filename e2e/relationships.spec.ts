import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerCli, expect, FIXTURE, test } from './fixtures';

test('the relationships picture draws a layer two images share once, linked to both, and opens their pages', async ({
  page,
  berth,
}) => {
  const tag = `berth-e2e-rel-${Date.now().toString(36)}:1`;
  const context = mkdtempSync(join(tmpdir(), 'berth-rel-'));
  try {
    writeFileSync(join(context, 'Dockerfile'), `FROM ${FIXTURE}\nCOPY note.txt /note.txt\nLABEL berth.test=1\n`);
    writeFileSync(join(context, 'note.txt'), 'one more layer\n');
    dockerCli(berth.dockerHost, 'build', '-q', '-t', tag, context);
    const fixtureLayers = JSON.parse(
      dockerCli(berth.dockerHost, 'image', 'inspect', '--format', '{{json .RootFS.Layers}}', FIXTURE),
    ) as string[];
    const base = (fixtureLayers[0] ?? '').replace(/^sha256:/, '').slice(0, 12);

    await page.goto(berth.url);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Learn' }).click();
    await page.getByRole('button', { name: 'How your images and containers relate' }).click();
    const picture = page.getByRole('region', { name: 'Your engine as a picture' });
    // The fixture's bottom layer is drawn once, and names both images as its users.
    const shared = picture.getByRole('link', { name: new RegExp(`^Layer ${base}, shared by \\d+ images: `) });
    await expect(shared).toHaveCount(1);
    await expect(shared).toHaveAccessibleName(new RegExp(FIXTURE.replace(/[/.]/g, '\\$&')));
    await expect(shared).toHaveAccessibleName(new RegExp(tag.replace(/[/.:]/g, '\\$&')));
    // Both images are drawn, each once.
    await expect(
      picture.getByRole('link', { name: new RegExp(`^Image ${FIXTURE.replace(/[/.]/g, '\\$&')},`) }),
    ).toHaveCount(1);
    const mine = picture.getByRole('link', {
      name: new RegExp(`^Image ${tag.replace(/[/.:]/g, '\\$&')}, ${fixtureLayers.length + 1} layers`),
    });
    await expect(mine).toHaveCount(1);
    // By keyboard: focus the image and press Enter to open its page.
    await mine.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: tag })).toBeVisible();
  } finally {
    rmSync(context, { recursive: true, force: true });
    try {
      dockerCli(berth.dockerHost, 'rmi', '-f', tag);
    } catch {
      // Never built.
    }
  }
});
