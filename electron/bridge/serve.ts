/**
 * The Node entry of the browser mode (bundled to out/bridge/serve.mjs): the same backend as Electron main,
 * served by the bridge. stdout carries exactly one line, the address; everything else goes to stderr.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { createBackend } from '../backend';
import { settingsFile } from '../backend/settings/settings.paths';
import { parseServeArgs } from './args';
import { startBridge, type Bridge } from './server';
import { containerFilesRoute, imageTransferRoute, logExportRoute, volumeTransferRoute } from './transfers.routes';

// The bundle sits in out/bridge/, the built renderer in out/renderer/.
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));

function quit(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const parsed = parseServeArgs(process.argv.slice(2));
  if (!parsed.ok) quit(parsed.message, 2);
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    quit(`There is no built renderer in ${rendererDir}; run \`npm run build\` first.`, 1);
  }
  const { port, maxUploadBytes, allow } = parsed.args;

  const settings = settingsFile({ env: process.env, platform: process.platform, homedir: os.homedir() });
  const backend = createBackend({
    settingsFile: settings,
    cacheDir: path.dirname(settings),
    ...(allow ? { allowedRoots: allow } : {}),
  });
  let bridge: Bridge;
  try {
    bridge = await startBridge({
      dispatcher: backend.dispatcher,
      rendererDir,
      port,
      ...(maxUploadBytes === undefined ? {} : { maxUploadBytes }),
      routes: [
        imageTransferRoute(backend.services.imageTransfers),
        logExportRoute(backend.services.logExports),
        volumeTransferRoute(backend.services.volumeTransfers),
        containerFilesRoute(backend.services.containerFilesTransfers),
      ],
    });
  } catch (error) {
    await backend.dispose();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') quit(`Port ${port} on 127.0.0.1 is already in use; pick another with --port N.`, 1);
    if (code === 'EACCES') quit(`Berth may not listen on port ${port}; pick one above 1023 with --port N.`, 1);
    quit(`Berth could not start its server: ${(error as Error).message}`, 1);
  }
  process.stdout.write(`Berth is serving at ${bridge.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`Berth is stopping (${signal}).\n`);
    void Promise.allSettled([bridge.close(), backend.dispose()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
