import { expect, test } from './fixtures';

test('the served page loads and is titled Berth', async ({ page, berth }) => {
  const response = await page.goto(berth.url);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle('Berth');
});
