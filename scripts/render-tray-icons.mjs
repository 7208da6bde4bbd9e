// Renders the tray icons (assets/tray/*.png) from the SVGs beside them with headless Chromium, the way
// assets/icon.png was made. Run by hand after changing an SVG: `node scripts/render-tray-icons.mjs`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../assets/tray/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** 16, 24 and 32 px, each also at twice the size; Electron picks the file for the screen's scale factor. */
const SCALES = [
  ['', 16],
  ['@1.5x', 24],
  ['@2x', 32],
  ['@3x', 48],
  ['@4x', 64],
];
const ICONS = ['tray', 'tray-unreachable', 'trayTemplate', 'tray-unreachableTemplate'];

const scratch = mkdtempSync(path.join(tmpdir(), 'berth-tray-'));
try {
  for (const icon of ICONS) {
    const svg = readFileSync(path.join(dir, `${icon}.svg`), 'utf8');
    for (const [suffix, size] of SCALES) {
      const page = path.join(scratch, `${icon}${suffix}.html`);
      writeFileSync(
        page,
        `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
      );
      execFileSync(
        CHROMIUM,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--hide-scrollbars',
          '--force-device-scale-factor=1',
          '--default-background-color=00000000',
          `--window-size=${size},${size}`,
          `--screenshot=${path.join(dir, `${icon}${suffix}.png`)}`,
          `file://${page}`,
        ],
        { stdio: 'ignore' },
      );
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`Rendered ${ICONS.length * SCALES.length} tray icons into ${dir}`);
