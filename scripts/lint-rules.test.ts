/**
 * The layering rules of eslint.config.js, proven with the real config: snippets are linted as if they lived in
 * each layer (at paths listed in LINT_FIXTURES, which exist only for this test).
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

type Layer = 'renderer' | 'rendererJsx' | 'platform' | 'shared' | 'main' | 'preload' | 'backend' | 'bridge';
// Loaded by URL because the config is plain JS without type declarations.
const { LINT_FIXTURES } = (await import(new URL('../eslint.config.js', import.meta.url).href)) as {
  LINT_FIXTURES: Record<Layer, string>;
};
const eslint = new ESLint({ cwd: fileURLToPath(new URL('..', import.meta.url)) });

async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

// The first typed lint builds the TypeScript program (tens of seconds on a busy machine): done once here, so that no
// single test pays for it against its own timeout.
beforeAll(async () => {
  await lint(LINT_FIXTURES.renderer, 'export const warm = 1;\n');
}, 180_000);

const importing = (from: string, name = 'x') => `import { ${name} } from '${from}';\nexport const y = ${name};\n`;
const restricted = (messages: string[]) => messages.filter((m) => m.startsWith('no-restricted-imports'));

describe('renderer layer', () => {
  it.each([
    ['electron', 'ipcRenderer'],
    ['electron', 'app'],
    ['node:fs', 'readFileSync'],
    ['fs', 'readFileSync'],
    ['fs/promises', 'readFile'],
    ['path', 'join'],
    ['child_process', 'spawn'],
    ['os', 'homedir'],
    ['net', 'connect'],
    ['http', 'request'],
    ['../../../electron/backend/core/dispatcher', 'Dispatcher'],
  ])(
    'refuses an import of %s',
    async (from, name) => {
      expect(restricted(await lint(LINT_FIXTURES.renderer, importing(from, name)))).toHaveLength(1);
    },
    30_000,
  );

  it('accepts an import from shared/', async () => {
    expect(await lint(LINT_FIXTURES.renderer, importing('../../../shared/result', 'ok'))).toEqual([]);
  }, 30_000);

  it('runs the type-checked rules (a floating promise is an error)', async () => {
    const messages = await lint(LINT_FIXTURES.renderer, 'export function f(): void {\n  Promise.resolve(1);\n}\n');
    expect(messages.some((m) => m.startsWith('@typescript-eslint/no-floating-promises'))).toBe(true);
  }, 30_000);
});

describe('markup from strings in the renderer', () => {
  const banned = (messages: string[]) =>
    messages.filter((m) => m.startsWith('no-restricted-syntax') && m.includes('Engine text is shown as text'));

  it.each([
    [
      'dangerouslySetInnerHTML',
      'export const A = ({ t }: { t: string }) => <p dangerouslySetInnerHTML={{ __html: t }} />;\n',
    ],
    ['innerHTML', 'export const f = (el: HTMLElement, t: string) => {\n  el.innerHTML = t;\n};\n'],
    ['outerHTML', 'export const f = (el: HTMLElement, t: string) => {\n  el.outerHTML = t;\n};\n'],
    ['insertAdjacentHTML', "export const f = (el: HTMLElement, t: string) => el.insertAdjacentHTML('beforeend', t);\n"],
  ])(
    'refuses %s',
    async (_name, code) => {
      expect(banned(await lint(LINT_FIXTURES.rendererJsx, code))).toHaveLength(1);
    },
    30_000,
  );

  it('lets text through as text', async () => {
    expect(
      banned(await lint(LINT_FIXTURES.rendererJsx, 'export const A = ({ t }: { t: string }) => <p>{t}</p>;\n')),
    ).toEqual([]);
  }, 30_000);
});

describe('window.berth in the renderer', () => {
  const banned = (messages: string[]) =>
    messages.filter((m) => m.startsWith('no-restricted-syntax') && m.includes('window.berth'));

  it.each([
    ['a call', 'export const f = () => window.berth.logs.saveTicket({ containers: [] });\n'],
    ['the handle', 'export const api = window.berth;\n'],
    ['a computed member', "export const api = window['berth'];\n"],
    ['globalThis', 'export const api = globalThis.berth;\n'],
    ['destructuring', 'const { berth } = window;\nexport const api = berth;\n'],
  ])(
    'refuses %s outside the entry point and platform/',
    async (_what, code) => {
      expect(banned(await lint(LINT_FIXTURES.renderer, code))).toHaveLength(1);
    },
    30_000,
  );

  it('still refuses a default export there', async () => {
    const messages = await lint(LINT_FIXTURES.renderer, 'export default 1;\n');
    expect(messages.filter((m) => m.startsWith('no-restricted-syntax'))).toHaveLength(1);
  }, 30_000);

  it('lets platform/ build window.berth', async () => {
    expect(banned(await lint(LINT_FIXTURES.platform, 'export const api = window.berth;\n'))).toEqual([]);
  }, 30_000);

  it('accepts the API reached through a slice action', async () => {
    const code = 'export const save = (s: { saveLogToFile(i: object): Promise<unknown> }) => s.saveLogToFile({});\n';
    expect(await lint(LINT_FIXTURES.renderer, code)).toEqual([]);
  }, 30_000);
});

describe('shared layer', () => {
  it.each([
    ['electron', 'app'],
    ['node:path', 'join'],
    ['path', 'join'],
    ['react', 'useState'],
    ['react-dom', 'createPortal'],
    ['zustand', 'create'],
    ['../renderer/src/app/App', 'App'],
    ['../electron/backend/core/dispatcher', 'Dispatcher'],
  ])(
    'refuses an import of %s',
    async (from, name) => {
      expect(restricted(await lint(LINT_FIXTURES.shared, importing(from, name)))).toHaveLength(1);
    },
    30_000,
  );

  it('accepts zod and its own modules', async () => {
    expect(await lint(LINT_FIXTURES.shared, importing('zod', 'z'))).toEqual([]);
    expect(await lint(LINT_FIXTURES.shared, importing('./result', 'ok'))).toEqual([]);
  }, 30_000);
});

describe('electron layers', () => {
  it('lets main import electron and node', async () => {
    expect(await lint(LINT_FIXTURES.main, importing('electron', 'app'))).toEqual([]);
    expect(await lint(LINT_FIXTURES.main, importing('node:path', 'join'))).toEqual([]);
  }, 30_000);

  it('keeps ipcRenderer out of main', async () => {
    expect(restricted(await lint(LINT_FIXTURES.main, importing('electron', 'ipcRenderer')))).toHaveLength(1);
  }, 30_000);

  it('lets the preload use ipcRenderer but not node modules or main', async () => {
    expect(await lint(LINT_FIXTURES.preload, importing('electron', 'ipcRenderer'))).toEqual([]);
    expect(restricted(await lint(LINT_FIXTURES.preload, importing('node:fs', 'readFileSync')))).toHaveLength(1);
    expect(restricted(await lint(LINT_FIXTURES.preload, importing('../main/window', 'windowOptions')))).toHaveLength(1);
  }, 30_000);

  it('keeps the bridge out of main', async () => {
    expect(restricted(await lint(LINT_FIXTURES.main, importing('../bridge/server', 'startBridge')))).toHaveLength(1);
    expect(await lint(LINT_FIXTURES.main, importing('../backend/core/transcript', 'Transcript'))).toEqual([]);
  }, 30_000);
});

describe('backend layer', () => {
  it.each([
    ['electron', 'app'],
    ['electron/main', 'app'],
    ['../main/window', 'windowOptions'],
    ['../../main/window', 'windowOptions'],
    ['../bridge/server', 'startBridge'],
    ['../../bridge/routes', 'reply'],
    ['../../renderer/src/App', 'App'],
  ])(
    'refuses an import of %s',
    async (from, name) => {
      expect(restricted(await lint(LINT_FIXTURES.backend, importing(from, name)))).toHaveLength(1);
    },
    30_000,
  );

  it('accepts node, shared/ and its own modules', async () => {
    expect(await lint(LINT_FIXTURES.backend, importing('node:path', 'join'))).toEqual([]);
    expect(await lint(LINT_FIXTURES.backend, importing('../../shared/result', 'ok'))).toEqual([]);
    expect(await lint(LINT_FIXTURES.backend, importing('./core/transcript', 'Transcript'))).toEqual([]);
  }, 30_000);
});

describe('bridge layer', () => {
  it.each([
    ['electron', 'app'],
    ['electron/main', 'app'],
    ['../main/window', 'windowOptions'],
    ['../main/security/csp', 'contentSecurityPolicy'],
    ['../../renderer/src/App', 'App'],
  ])(
    'refuses an import of %s',
    async (from, name) => {
      expect(restricted(await lint(LINT_FIXTURES.bridge, importing(from, name)))).toHaveLength(1);
    },
    30_000,
  );

  it('accepts node and the backend', async () => {
    expect(await lint(LINT_FIXTURES.bridge, importing('node:http', 'createServer'))).toEqual([]);
    expect(await lint(LINT_FIXTURES.bridge, importing('../backend/core/csp', 'contentSecurityPolicy'))).toEqual([]);
  }, 30_000);
});
