import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tourArch, waitingProgram } from './tour.elf';

describe('the tour image’s waiting program', () => {
  it('is an ELF64 executable for the asked machine with its entry right after the headers', () => {
    for (const [arch, machine] of [
      ['amd64', 0x3e],
      ['arm64', 0xb7],
    ] as const) {
      const bytes = waitingProgram(arch);
      const view = new DataView(bytes.buffer);
      expect([...bytes.slice(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
      expect(view.getUint16(18, true)).toBe(machine);
      expect(view.getBigUint64(24, true)).toBe(0x400000n + 120n);
      expect(view.getBigUint64(96, true)).toBe(BigInt(bytes.length)); // the segment covers the whole file
    }
  });

  it('maps the engine’s architecture names and refuses the others', () => {
    expect(tourArch('x86_64')).toBe('amd64');
    expect(tourArch('aarch64')).toBe('arm64');
    expect(tourArch('arm64')).toBe('arm64');
    expect(tourArch('s390x')).toBeUndefined();
  });

  it.runIf(process.arch === 'x64' && process.platform === 'linux')(
    'runs here and keeps waiting until killed',
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-elf-'));
      const file = path.join(dir, 'wait');
      writeFileSync(file, waitingProgram('amd64'));
      chmodSync(file, 0o755);
      try {
        const child = spawn(file);
        const exited = new Promise<NodeJS.Signals | null>((resolve) =>
          child.on('exit', (_code, signal) => resolve(signal)),
        );
        const early = await Promise.race([
          exited,
          new Promise((resolve) => setTimeout(() => resolve('still running'), 300)),
        ]);
        expect(early).toBe('still running');
        child.kill('SIGKILL');
        expect(await exited).toBe('SIGKILL');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
