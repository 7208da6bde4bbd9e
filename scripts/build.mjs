// One build for everything: the renderer with Vite, main, preload and the bridge entry with esbuild.
// `--if-needed` skips the build when every output is newer than every source.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUpToDate, outputTimes, sourceTimes } from './build.freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});

const bundles = [
  // Main loads its npm dependencies from node_modules at run time (electron-builder packs them).
  {
    entry: 'electron/main/index.ts',
    outfile: 'out/main/index.cjs',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['electron', ...dependencies],
  },
  // A sandboxed preload can require nothing but electron, so everything else is bundled in.
  {
    entry: 'electron/preload/index.ts',
    outfile: 'out/preload/index.cjs',
    format: 'cjs',
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
  },
  {
    entry: 'electron/bridge/serve.ts',
    outfile: 'out/bridge/serve.mjs',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: dependencies,
  },
];
const viteConfig = 'vite.config.ts';
const OUTPUTS = ['out/renderer/index.html', ...bundles.map((bundle) => bundle.outfile)];

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

async function build() {
  const missing = [viteConfig, ...bundles.map((bundle) => bundle.entry)].filter(
    (file) => !existsSync(path.join(root, file)),
  );
  if (missing.length > 0) fail(`missing ${missing.join(', ')}; nothing was built.`);

  // vite.config.ts names its root and outDir relative to the working directory. out/ is not wiped first:
  // Vite empties out/renderer itself and esbuild overwrites its own files.
  process.chdir(root);
  const [{ build: viteBuild }, esbuild] = await Promise.all([import('vite'), import('esbuild')]);
  await viteBuild({
    configFile: path.join(root, viteConfig),
    logLevel: 'warn',
  });
  await Promise.all(
    bundles.map(({ entry, ...options }) =>
      esbuild.build({
        ...options,
        absWorkingDir: root,
        entryPoints: [entry],
        bundle: true,
        sourcemap: true,
        logLevel: 'warning',
      }),
    ),
  );
}

const ifNeeded = process.argv.includes('--if-needed');
if (ifNeeded && isUpToDate(sourceTimes(root), outputTimes(root, OUTPUTS))) {
  console.log('build: out/ is up to date.');
} else {
  const started = Date.now();
  console.log(ifNeeded ? 'build: sources changed since the last build, building...' : 'build: building...');
  try {
    await build();
  } catch (error) {
    // Vite and esbuild have already printed the details.
    fail(`failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  console.log(`build: built out/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
