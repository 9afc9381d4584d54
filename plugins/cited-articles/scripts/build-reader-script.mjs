// The reader kit as one file a plain HTML page loads with a <script> tag (Lit included, minified),
// served by the plugin at GET /api/cited-articles/reader.js. The npm subpath `./reader` is built
// by strapi-plugin build from package.json's exports, with Lit as a dependency.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'dist/reader/cited-reader.js');

await build({
  entryPoints: [path.join(root, 'reader/src/script.ts')],
  outfile,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2021'],
  tsconfig: path.join(root, 'reader/tsconfig.json'),
  legalComments: 'none',
  logLevel: 'warning',
});

const bytes = readFileSync(outfile);
console.log(
  `reader script: dist/reader/cited-reader.js ${(bytes.length / 1024).toFixed(1)} kB, ${(gzipSync(bytes).length / 1024).toFixed(1)} kB gzipped`
);
