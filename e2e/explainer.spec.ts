import { dockerCli, expect, FIXTURE, test } from './fixtures';

test('a pasted docker run is explained part by part, opened in the run form, and run as the CLI would', async ({
  page,
  berth,
}) => {
  const name = `berth-e2e-explained-${Date.now().toString(36)}`;
  const line = `docker run -dit --name ${name} -e "GREETING=hello world" --label berth.test=1 -p 127.0.0.1::8080 --restart on-failure:2 -w /tmp --privileged ${FIXTURE} sh -c 'echo "$GREETING"; sleep 600'`;
  try {
    await page.goto(berth.url);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Learn' }).click();
    const explainer = page.getByRole('region', { name: 'Explain a command' });
    await explainer.getByLabel('Docker command').fill(line);
    await explainer.getByRole('button', { name: 'Explain', exact: true }).click();

    await expect(
      explainer.getByText(`Creates a container from ${FIXTURE} and starts it in the background.`),
    ).toBeVisible();
    const parts = explainer.getByRole('table');
    await expect(parts.getByRole('row', { name: /-e GREETING=hello world/ })).toContainText(
      'Sets the environment variable GREETING to "hello world" inside the container.',
    );
    await expect(parts.getByRole('row', { name: /-p 127\.0\.0\.1::8080/ })).toContainText(
      "Publishes the container's port 8080 on a random free port only for programs on your machine itself (127.0.0.1)",
    );
    await expect(parts.getByRole('row', { name: /--privileged/ })).toContainText('Berth’s form cannot set this.');
    await expect(explainer.getByText('The form leaves out --privileged: Berth cannot do it yet.')).toBeVisible();

    await explainer.getByRole('button', { name: 'Open in the run form' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create and run a container' });
    await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue(name);
    // The form's own twin says what the pasted line says, minus what the form cannot do.
    await expect(dialog.locator('.ctr-live-command code')).toContainText(`--restart on-failure:2`);
    await expect(dialog.locator('.ctr-live-command code')).toContainText(`-e 'GREETING=hello world'`);
    await dialog.getByRole('button', { name: 'Create and run' }).click();
    await expect(dialog).toBeHidden();

    const inspect = JSON.parse(dockerCli(berth.dockerHost, 'inspect', name)) as Array<{
      Config: { Env: string[]; Cmd: string[]; WorkingDir: string; Tty: boolean; OpenStdin: boolean };
      HostConfig: { RestartPolicy: { Name: string; MaximumRetryCount: number }; PortBindings: Record<string, unknown> };
    }>;
    const c = inspect[0];
    expect(c?.Config.Env).toContain('GREETING=hello world');
    expect(c?.Config.Cmd).toEqual(['sh', '-c', 'echo "$GREETING"; sleep 600']);
    expect(c?.Config.WorkingDir).toBe('/tmp');
    expect([c?.Config.Tty, c?.Config.OpenStdin]).toEqual([true, true]);
    expect(c?.HostConfig.RestartPolicy).toEqual({ Name: 'on-failure', MaximumRetryCount: 2 });
    expect(c?.HostConfig.PortBindings).toEqual({ '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] });
  } finally {
    try {
      dockerCli(berth.dockerHost, 'rm', '-f', name);
    } catch {
      // Never made.
    }
  }
});

test('a misspelled flag is named with the real one, and a line that is not docker is refused in words', async ({
  page,
  berth,
}) => {
  await page.goto(berth.url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Learn' }).click();
  const explainer = page.getByRole('region', { name: 'Explain a command' });
  await explainer.getByLabel('Docker command').fill('docker run --restrat always nginx');
  await explainer.getByLabel('Docker command').press('Control+Enter');
  await expect(explainer.getByRole('alert')).toContainText(
    '--restrat is not a flag of this command. Did you mean --restart?',
  );
  await explainer.getByLabel('Docker command').fill('dokcer ps');
  await explainer.getByRole('button', { name: 'Explain', exact: true }).click();
  await expect(explainer.getByRole('alert')).toHaveText(
    'This is not a docker command: it starts with "dokcer". Did you mean docker?',
  );
});
