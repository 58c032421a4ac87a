// Child process for the crash test: appends until killed and prints each acknowledged
// event id, so the parent knows exactly what the store promised to keep.
// Plain Node cannot load the TypeScript sources, so it compiles them on the fly with swc.
const { registerHooks } = require('node:module');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL, fileURLToPath } = require('node:url');

const root = join(__dirname, '../../../../..');
const swc = require(join(root, 'node_modules/@swc/core'));

registerHooks({
  resolve(specifier, context, next) {
    const alias = /^@pl\/([a-z-]+)$/.exec(specifier);
    if (alias) return { url: pathToFileURL(join(root, 'libs', alias[1], 'src/index.ts')).href, shortCircuit: true };
    if (specifier.startsWith('.') && context.parentURL?.endsWith('.ts')) {
      const base = new URL(specifier, context.parentURL).href;
      const found = [`${base}.ts`, `${base}/index.ts`].find((url) => existsSync(fileURLToPath(url)));
      if (found) return { url: found, shortCircuit: true };
    }
    return next(specifier, context);
  },
  load(url, context, next) {
    if (!url.endsWith('.ts')) return next(url, context);
    const filename = fileURLToPath(url);
    const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
      filename,
      jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2023' },
      module: { type: 'commonjs' },
    });
    return { format: 'commonjs', source: code, shortCircuit: true };
  },
});

const { SqliteEventStore } = require('./sqlite-event-store.ts');
const { makeEvent } = require('../../testing/make-event.ts');

async function main() {
  const store = new SqliteEventStore({ file: process.argv[2] });
  process.stdout.write('ready\n');
  for (let round = 0; ; round++) {
    // Ten writers at once, so what is killed is group commit at work.
    const events = Array.from({ length: 10 }, (_, i) => makeEvent('CrashTest.v1', { round, i }));
    await Promise.all(events.map(async (event, i) => {
      await store.append(`crash-${i}`, [event], 'any');
      process.stdout.write(`${event.eventId}\n`);
    }));
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
