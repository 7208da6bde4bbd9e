import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from 'tar-stream';
import { BerthFailure } from '../../../shared/result';
import { ignoreRules, packContext, planContext, readIgnorePatterns, toPreview } from './build.context';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-ctx-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
/** A context folder from `{ 'a/b.txt': 'text' }`; a key ending in `/` is an empty folder. */
function makeContext(files: Record<string, string>): string {
  const root = path.join(scratch, `ctx${++counter}`);
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    if (rel.endsWith('/')) fs.mkdirSync(abs, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, text);
    }
  }
  return root;
}

async function sentFiles(files: Record<string, string>, dockerfile?: string): Promise<string[]> {
  const plan = await planContext(makeContext(files), dockerfile);
  return plan.entries.filter((e) => e.kind !== 'dir').map((e) => e.path);
}

describe('readIgnorePatterns', () => {
  it('drops comments and blank lines and trims the rest', () => {
    expect(readIgnorePatterns('# comment\n\n  *.log  \r\n!keep.log\n')).toEqual(['*.log', '!keep.log']);
  });
});

describe('planContext follows .dockerignore as Docker does', () => {
  it('** matches any number of folders', async () => {
    const sent = await sentFiles({
      Dockerfile: 'FROM scratch',
      '.dockerignore': '**/*.log\n',
      'a.log': '',
      'x/y/b.log': '',
      'x/y/b.txt': '',
    });
    expect(sent).toEqual(['.dockerignore', 'Dockerfile', 'x/y/b.txt']);
  });

  it('! brings back a file inside an excluded folder, which is then walked', async () => {
    const files = {
      Dockerfile: '',
      '.dockerignore': 'docs\n!docs/keep.md\n',
      'docs/keep.md': '',
      'docs/other.md': '',
    };
    expect(await sentFiles(files)).toEqual(['.dockerignore', 'Dockerfile', 'docs/keep.md']);
  });

  it('a later pattern wins over an earlier exception', async () => {
    const files = { Dockerfile: '', '.dockerignore': '*.md\n!README.md\nREADME*\n', 'README.md': '', 'a.md': '' };
    expect(await sentFiles(files)).toEqual(['.dockerignore', 'Dockerfile']);
  });

  it('an exception that does not start with the folder path does not reopen an excluded folder', async () => {
    // Docker only walks into an excluded folder when an exception pattern begins with that folder's path.
    const files = { Dockerfile: '', '.dockerignore': 'docs\n!**/keep.md\n', 'docs/keep.md': '', 'keep.md': '' };
    expect(await sentFiles(files)).toEqual(['.dockerignore', 'Dockerfile', 'keep.md']);
  });

  it('sends the Dockerfile and .dockerignore even when they are ignored, and says so', async () => {
    const root = makeContext({
      'Dockerfile.dev': 'FROM scratch',
      '.dockerignore': '*\n!src\n',
      'src/app.js': '',
      'other.txt': '',
    });
    const plan = await planContext(root, 'Dockerfile.dev');
    expect(plan.entries.map((e) => e.path)).toEqual(['.dockerignore', 'Dockerfile.dev', 'src', 'src/app.js']);
    expect(plan.buildFilesIgnored).toEqual(['.dockerignore', 'Dockerfile.dev']);
    expect(plan.excluded).toEqual(['other.txt']);
  });

  it('keeps a Dockerfile in an excluded folder by walking into it', async () => {
    const files = { '.dockerignore': 'docker\n', 'docker/Dockerfile': '', 'docker/notes.txt': '' };
    expect(await sentFiles(files, 'docker/Dockerfile')).toEqual(['.dockerignore', 'docker/Dockerfile']);
  });

  it('a leading / anchors at the context root, as every pattern does', async () => {
    const files = { Dockerfile: '', '.dockerignore': '/secret.txt\n', 'secret.txt': '', 'sub/secret.txt': '' };
    expect(await sentFiles(files)).toEqual(['.dockerignore', 'Dockerfile', 'sub/secret.txt']);
  });

  it('a trailing / is cleaned away: it matches the folder and its files, at the root only', async () => {
    const root = makeContext({
      Dockerfile: '',
      '.dockerignore': 'logs/\n',
      'logs/a.txt': '',
      'sub/logs/b.txt': '',
    });
    const plan = await planContext(root);
    expect(plan.entries.map((e) => e.path)).toEqual([
      '.dockerignore',
      'Dockerfile',
      'sub',
      'sub/logs',
      'sub/logs/b.txt',
    ]);
    expect(plan.excluded).toEqual(['logs/']);
  });

  it('matches case-sensitively, as on Linux', async () => {
    const files = { Dockerfile: '', '.dockerignore': 'README.md\n', 'readme.md': '', 'README.md': '' };
    expect(await sentFiles(files)).toEqual(['.dockerignore', 'Dockerfile', 'readme.md']);
  });

  it('sends empty folders and everything when there is no .dockerignore', async () => {
    const plan = await planContext(makeContext({ Dockerfile: 'FROM scratch', 'empty/': '', 'a/b.txt': 'bb' }));
    expect(plan.hasDockerignore).toBe(false);
    expect(plan.entries).toEqual([
      { path: 'Dockerfile', kind: 'file', size: 12 },
      { path: 'a', kind: 'dir', size: 0 },
      { path: 'a/b.txt', kind: 'file', size: 2 },
      { path: 'empty', kind: 'dir', size: 0 },
    ]);
  });
});

describe('ignoreRules', () => {
  it('descends only for exceptions under the folder', () => {
    const rules = ignoreRules(['docs', '!docs/a/keep.md'], 'Dockerfile');
    expect(rules.mustDescend('docs')).toBe(true);
    expect(rules.mustDescend('docs/a')).toBe(true);
    expect(rules.mustDescend('doc')).toBe(false);
    expect(rules.mustDescend('docs/b')).toBe(false);
  });
});

describe('planContext refuses what is not a readable folder', () => {
  const codeOf = async (p: Promise<unknown>) => {
    const error = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BerthFailure);
    return (error as BerthFailure).error;
  };

  it('says when the folder is missing or is a file', async () => {
    const missing = await codeOf(planContext(path.join(scratch, 'nope')));
    expect(missing).toEqual({ code: 'NOT_FOUND', message: `There is no folder at ${path.join(scratch, 'nope')}.` });
    const file = path.join(makeContext({ 'f.txt': 'x' }), 'f.txt');
    expect(await codeOf(planContext(file))).toEqual({
      code: 'INVALID_INPUT',
      message: `${file} is a file. The build context must be a folder.`,
    });
  });

  it.skipIf(process.getuid?.() === 0)('says when the folder cannot be read', async () => {
    const root = makeContext({ 'a/': '' });
    fs.chmodSync(root, 0o000);
    try {
      expect((await codeOf(planContext(root))).code).toBe('PERMISSION_DENIED');
    } finally {
      fs.chmodSync(root, 0o755);
    }
  });
});

describe('packContext and toPreview', () => {
  it('tars exactly the planned entries, owned by root', async () => {
    const root = makeContext({
      Dockerfile: 'FROM scratch',
      '.dockerignore': 'node_modules\n*.tmp\n',
      'src/a.js': 'a',
      'x.tmp': '',
      'node_modules/m/index.js': 'm',
    });
    fs.symlinkSync('src/a.js', path.join(root, 'link.js'));
    const plan = await planContext(root);
    const names: string[] = [];
    const owners = new Set<string>();
    await new Promise<void>((resolve, reject) => {
      const ex = extract();
      ex.on('entry', (header, stream, next) => {
        names.push(header.name.replace(/\/$/, ''));
        owners.add(`${header.uid}:${header.gid}`);
        stream.on('end', next);
        stream.resume();
      });
      ex.on('finish', resolve);
      ex.on('error', reject);
      packContext(plan).pipe(ex);
    });
    expect(names).toEqual(plan.entries.map((e) => e.path));
    expect(names).toEqual(['.dockerignore', 'Dockerfile', 'link.js', 'src', 'src/a.js']);
    expect([...owners]).toEqual(['0:0']);
    const preview = toPreview(plan);
    expect(preview.sent.map((f) => f.path)).toEqual(['.dockerignore', 'Dockerfile', 'link.js', 'src/a.js']);
    expect(preview.excluded).toEqual(['node_modules/', 'x.tmp']);
    expect(preview.dockerfileFound).toBe(true);
    expect(preview.dockerfiles).toEqual(['Dockerfile']);
  });

  it('warns about heavy folders that are sent, and reports a missing Dockerfile', async () => {
    const root = makeContext({
      'node_modules/a/i.js': '12345',
      'node_modules/b.js': '1',
      '.git/HEAD': 'ref',
      'app.js': '',
    });
    const preview = toPreview(await planContext(root));
    expect(preview.dockerfileFound).toBe(false);
    expect(preview.warnings.map((w) => [w.folder, w.files, w.size])).toEqual([
      ['.git', 1, 3],
      ['node_modules', 2, 6],
    ]);
    expect(preview.warnings[1]?.message).toContain('Add `node_modules` to .dockerignore');
  });
});
