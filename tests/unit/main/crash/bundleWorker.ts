import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundles a crash test's worker into one plain ES module: a bare `node` start is a fraction of a
 * TypeScript loader's, and a crash test starts its worker hundreds of times.
 */
export async function bundleWorker(source: URL, outfile: string): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(source)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    // Bundled CommonJS dependencies (feedsmith's XML parser, iconv-lite) call require().
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
}
