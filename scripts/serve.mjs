// `npm run serve [-- --port N]`: build if needed, then run the bridge in this process. Build chatter goes to
// stderr so that the address is the only line on stdout.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const build = spawnSync(process.execPath, [fileURLToPath(new URL('build.mjs', import.meta.url)), '--if-needed'], {
  stdio: ['ignore', 2, 2],
});
if (build.status !== 0) process.exit(build.status ?? 1);

// The bridge reads --port from process.argv, which is passed through unchanged.
await import(pathToFileURL(fileURLToPath(new URL('../out/bridge/serve.mjs', import.meta.url))).href);
