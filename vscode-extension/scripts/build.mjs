// Bundles the extension with esbuild into dist/extension.js.
//   --production  minified, no source map (what `npm run package` ships)
//   --tests       also bundles the vscode-free modules into out/ for the node tests
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  logLevel: 'warning',
};

await esbuild.build({
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'linked',
});

if (tests) {
  await esbuild.build({
    ...common,
    entryPoints: ['src/twinExecutable.ts', 'src/runArtifacts.ts'],
    outdir: 'out',
  });
}
