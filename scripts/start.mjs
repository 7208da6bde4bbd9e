// `npm start`: build if needed and launch Electron. Where the Electron binary is missing (its download from
// GitHub fails on machines without that access) Berth starts in browser mode instead, as `npm run serve` does.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The binary's path the way node_modules/electron/index.js finds it, without requiring that file: when the
 * binary is missing, requiring it starts a download that writes to stdout and fails slowly offline.
 */
function electronBinary() {
  let dir;
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && relative === '') return null;
  const binary = override ? path.join(override, relative || 'electron') : path.join(dir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

function browserMode(why) {
  console.error(`Berth: ${why}`);
  console.error('Berth: starting the browser mode instead (`npm run serve`); open the address below in a browser.');
  return import('./serve.mjs');
}

const binary = electronBinary();
if (binary === null) {
  await browserMode('the Electron binary is not installed (node_modules/electron has no dist/, its download failed).');
} else {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-needed'], {
    stdio: ['ignore', 2, 2],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(binary, ['.', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  let fellBack = false;
  const fallBack = (why) => {
    if (fellBack) return;
    fellBack = true;
    void browserMode(why);
  };
  child.on('error', (error) => fallBack(`the Electron binary could not be started (${error.code ?? error.message}).`));
  child.on('exit', (code, signal) => {
    // 127: the dynamic loader could not start it (missing system libraries).
    if (code === 127) fallBack('the Electron binary cannot run on this system (missing libraries).');
    else if (!fellBack) process.exit(code ?? (signal ? 1 : 0));
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
