import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the renderer only (main, preload and the bridge are bundled by esbuild in scripts/build.mjs).
 * base './' lets the same files load from file:// in Electron and from the bridge's HTTP server.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    // The CSP allows no inline code and no data: fonts, so every asset stays a file of its own.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The Chromium of Electron 45 and of the E2E browser, as for the preload in scripts/build.mjs; from 123 on,
    // tokens.css's light-dark() ships as written instead of being lowered to --lightningcss-* fallbacks.
    target: 'chrome140',
  },
});
