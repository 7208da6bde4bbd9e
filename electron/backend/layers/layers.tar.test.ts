import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { extract, pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import type { TarHeader } from './layers.mapper';
import { TarFormatError, TarHeaderParser, paxRecords } from './layers.tar';

const long = `${'deep/'.repeat(30)}name-${'x'.repeat(120)}.txt`;

async function packed(entries: { name: string; body?: string; type?: 'directory' | 'symlink'; link?: string }[]) {
  const p = pack();
  for (const e of entries) {
    if (e.type === 'directory') p.entry({ name: e.name, type: 'directory', mode: 0o755 });
    else if (e.type === 'symlink') p.entry({ name: e.name, type: 'symlink', linkname: e.link ?? '' });
    else p.entry({ name: e.name, mode: 0o4755, uid: 1000, gid: 50, mtime: new Date(1_700_000_000_000) }, e.body ?? '');
  }
  p.finalize();
  const parts: Buffer[] = [];
  for await (const chunk of p as AsyncIterable<Buffer>) parts.push(chunk);
  return Buffer.concat(parts);
}

/** tar-stream's own reading, the reference. */
async function reference(bytes: Buffer) {
  const out: { name: string; type: string; size: number; linkname: string | null }[] = [];
  const x = extract();
  Readable.from([bytes]).pipe(x);
  for await (const entry of x) {
    const h = entry.header;
    out.push({ name: h.name, type: h.type ?? 'file', size: h.size ?? 0, linkname: h.linkname ?? null });
    entry.resume();
  }
  return out;
}

/** Parses `bytes` fed in chunks of `size` bytes; the file bodies of `want` are returned too. */
function parse(bytes: Buffer, size: number, want?: string) {
  const headers: TarHeader[] = [];
  const bodies: string[] = [];
  const parser = new TarHeaderParser({
    header: (h) => {
      headers.push(h);
      return h.name === want;
    },
    body: (b) => bodies.push(b.toString()),
  });
  for (let at = 0; at < bytes.length; at += size) parser.push(bytes.subarray(at, at + size));
  return { headers, bodies, done: parser.done };
}

describe('TarHeaderParser', () => {
  it('reads what tar-stream reads, however the bytes are cut, and hands over only the body asked for', async () => {
    const bytes = await packed([
      { name: 'etc', type: 'directory' },
      { name: 'etc/motd', body: 'hello\n' },
      { name: 'etc/big', body: 'y'.repeat(70_000) },
      { name: long, body: 'long name\n' },
      { name: 'bin/sh', type: 'symlink', link: `/${long}` },
      { name: 'empty' },
    ]);
    const expected = await reference(bytes);
    for (const size of [1, 7, 511, 512, 513, 4096, bytes.length]) {
      const { headers, bodies, done } = parse(bytes, size, 'etc/motd');
      expect(done).toBe(true);
      expect(headers.map((h) => ({ name: h.name, type: h.type, size: h.size, linkname: h.linkname ?? null }))).toEqual(
        expected.map((e) => ({ ...e, linkname: e.linkname || null })),
      );
      expect(bodies).toEqual(['hello\n']);
    }
    const motd = parse(bytes, 100).headers[1];
    expect([motd?.mode, motd?.uid, motd?.gid, motd?.mtime?.getTime()]).toEqual([0o4755, 1000, 50, 1_700_000_000_000]);
    expect(parse(bytes, 100, 'empty').bodies).toEqual(['']);
  });

  it('reads GNU long names and links as GNU tar writes them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'berth-tar-'));
    try {
      const file = path.join(dir, 'root', ...long.split('/'));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, 'gnu\n');
      symlinkSync(`/${long}-target-${'z'.repeat(100)}`, path.join(dir, 'root', 'link'));
      execFileSync('tar', ['--format=gnu', '-cf', path.join(dir, 'out.tar'), '-C', path.join(dir, 'root'), '.']);
      const bytes = readFileSync(path.join(dir, 'out.tar'));
      const { headers, bodies } = parse(bytes, 1000, `./${long}`);
      expect(headers.map((h) => h.name)).toContain(`./${long}`);
      expect(headers.find((h) => h.name === './link')?.linkname).toBe(`/${long}-target-${'z'.repeat(100)}`);
      expect(bodies).toEqual(['gnu\n']);
      const expected = await reference(bytes);
      expect(headers.map((h) => h.name)).toEqual(expected.map((e) => e.name));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads PAX records and refuses bytes that are not a tar', () => {
    const records = paxRecords(Buffer.from('19 path=caf\u00e9/menu\n18 linkpath=a b c\n'));
    expect(records.get('path')).toBe('caf\u00e9/menu');
    expect(records.get('linkpath')).toBe('a b c');
    const junk = Buffer.alloc(1024, 0x41);
    expect(() => parse(junk, 1024)).toThrow(TarFormatError);
  });
});
