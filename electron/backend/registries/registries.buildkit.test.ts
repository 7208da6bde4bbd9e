import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DockerSource } from '../engine/engine.types';
import { RegistriesService } from './registries.service';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A service over a DOCKER_CONFIG holding `auths`; it never reaches the engine for this. */
function serviceWith(auths: Record<string, { auth?: string; identitytoken?: string }>): RegistriesService {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bk-cred-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths }));
  return new RegistriesService({} as DockerSource, { env: { DOCKER_CONFIG: dir }, homedir: '/nonexistent' });
}

const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

describe("BuildKit's registry credentials", () => {
  it('answers a host with the saved user name and password', async () => {
    const service = serviceWith({ '127.0.0.1:5000': { auth: basic('ada', 'pa:ss') } });
    expect(await service.buildKitCredential('127.0.0.1:5000')).toEqual({ username: 'ada', secret: 'pa:ss' });
  });

  it("answers Docker Hub's host with the CLI's index.docker.io key", async () => {
    const service = serviceWith({ 'https://index.docker.io/v1/': { auth: basic('hub', 'tok') } });
    expect(await service.buildKitCredential('docker.io')).toEqual({ username: 'hub', secret: 'tok' });
  });

  it('answers an identity token as the secret with no user name, as the CLI does', async () => {
    const service = serviceWith({ 'registry.example.com': { auth: basic('<token>', ''), identitytoken: 'id-tok' } });
    expect(await service.buildKitCredential('registry.example.com')).toEqual({ username: '', secret: 'id-tok' });
  });

  it('answers null for a host with no login', async () => {
    const service = serviceWith({ '127.0.0.1:5000': { auth: basic('ada', 'x') } });
    expect(await service.buildKitCredential('127.0.0.1:6000')).toBeNull();
  });
});
