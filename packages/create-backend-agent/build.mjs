// Bundles the CLI into one ESM file with every dependency (templates included, precompiled), so
// `pnpm create backend-agent` installs a single package with no runtime dependencies.
import { build } from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  banner: {
    // Bundled CommonJS dependencies call require() for Node built-ins.
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);
