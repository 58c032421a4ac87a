// `node --require scripts/ts-run.cjs some-file.ts`: runs the TypeScript sources as they are,
// without a build. Each .ts file is compiled on load by swc with the same settings as the
// tests (legacy decorators with metadata, CommonJS), and `@pl/<lib>` resolves to the lib's
// sources, as in tsconfig.base.json.
const { registerHooks } = require('node:module');
const { existsSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL, fileURLToPath } = require('node:url');

const root = join(__dirname, '..');
const swc = require(join(root, 'node_modules/@swc/core'));

const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  // Inline maps keep stack traces (with --enable-source-maps) pointing at the .ts lines.
  sourceMaps: 'inline',
};

const isFile = (url) => {
  try {
    return statSync(fileURLToPath(url)).isFile();
  } catch {
    return false;
  }
};

/** `./x` (or `/abs/x`) from a .ts file may mean x.ts, x/index.ts, or a file with that exact name. */
function resolveRelative(specifier, parentURL) {
  const base = new URL(specifier, parentURL).href;
  return [`${base}.ts`, `${base}/index.ts`, base].find(isFile);
}

registerHooks({
  resolve(specifier, context, next) {
    const alias = /^@pl\/([a-z-]+)$/.exec(specifier);
    if (alias) {
      const file = join(root, 'libs', alias[1], 'src/index.ts');
      if (existsSync(file)) return { url: pathToFileURL(file).href, shortCircuit: true };
    }
    if ((specifier.startsWith('.') || specifier.startsWith('/')) && context.parentURL?.endsWith('.ts')) {
      const found = resolveRelative(specifier, context.parentURL);
      if (found) return { url: found, shortCircuit: true };
    }
    return next(specifier, context);
  },
  load(url, context, next) {
    if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
    const filename = fileURLToPath(url);
    const { code } = swc.transformSync(readFileSync(filename, 'utf8'), { ...SWC_OPTIONS, filename });
    return { format: 'commonjs', source: code, shortCircuit: true };
  },
});
