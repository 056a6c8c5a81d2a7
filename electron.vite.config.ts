import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three bundles, one per process. Entry points are named explicitly because the
// project keeps main/, preload/ and renderer/ at the top level (no src/).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // eld ships four n-gram tables (9 MB); bundled, only the one we load goes into the app.
      externalizeDeps: { exclude: ['eld'] },
      // Worker threads, each from its own entry point: the search index's builder, the reader
      // that decodes the archive's files at opening, the reader of imported files and feeds, and
      // the finder of kept articles.
      rollupOptions: {
        input: {
          index: resolve('main/index.ts'),
          indexWorker: resolve('main/search/indexWorker.ts'),
          textWorker: resolve('main/store/textWorker.ts'),
          parseWorker: resolve('main/importers/parseWorker.ts'),
          extractWorker: resolve('main/offline/extractWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load modules from node_modules: bundle everything
      // into one CommonJS file whose only require is 'electron'.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; a third of the bytes to parse at every launch.
      minify: true,
      // Fonts stay files: the CSP's font-src 'self' refuses data: URLs.
      assetsInlineLimit: (file: string) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
      rollupOptions: {
        // print.html: the template PDF exports are printed from (main/export/renderPdf.ts).
        input: { index: resolve('renderer/index.html'), print: resolve('renderer/print.html') },
      },
    },
  },
});
