// Bundles the built CLI (dist/) into dist/bundle/: cli.cjs for `check`, `schema` and --version, and
// extra.cjs for the commands loaded on demand (init, rules, explain, update-rdap-bootstrap) and
// their dependencies. One file to read and compile instead of some 340 modules to resolve and load;
// bin/icp-check.js runs it through V8's code cache. dist/ stays whole beside it: the library
// modules, the tests and the fallback when the bundle is missing.
//
//   node scripts/bundle.js        (after tsc; part of `npm run build`)
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const out = path.join(dist, 'bundle');

// Each module finds its data files relative to its own place in dist/ (`new URL('../../regulations/…',
// import.meta.url)`): in the bundle `import.meta.url` becomes that place, computed from the bundle's
// folder, so the data is found wherever the package is installed.
const placeOfImportMeta = {
  name: 'import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.(c|m)?js$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      // init runs the check through the CLI module, named in a variable (a static import would be a
      // cycle): in the bundle that is cli.cjs beside extra.cjs.
      if (args.path === path.join(dist, 'commands', 'init.js')) source = source.replace('import(CLI_MODULE)', 'Promise.resolve(require("./cli.cjs"))');
      if (!source.includes('import.meta.url')) return source.includes('require("./cli.cjs")') ? { contents: source, loader: 'js', resolveDir: path.dirname(args.path) } : undefined;
      const inDist = !path.relative(dist, args.path).startsWith('..');
      const rel = path.relative(out, args.path).split(path.sep).join('/');
      const url = inDist
        ? `require("node:url").pathToFileURL(require("node:path").join(__dirname, ${JSON.stringify(rel)})).href`
        : `require("node:url").pathToFileURL(__filename).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

// cli.cjs loads the commands of src/commands/extra.ts from extra.cjs, only when one is named.
const EXTRA = ['init', 'rules', 'explain', 'update-rdap-bootstrap'];
const extraApart = {
  name: 'extra-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli\.cjs$/ }, () => ({ path: './cli.cjs', external: true }));
    // Classes that cli.ts tests with instanceof (CommanderError, UsageError) must be one and the
    // same in both bundles: extra.cjs takes commander and errors.js from cli.cjs.
    if (b.initialOptions.outfile?.endsWith('extra.cjs')) {
      b.onResolve({ filter: /^commander$/ }, () => ({ path: './cli.cjs', external: true }));
      b.onResolve({ filter: /\/errors\.js$/ }, (args) =>
        path.resolve(args.resolveDir, args.path) === path.join(dist, 'errors.js') ? { path: './cli.cjs', external: true } : undefined,
      );
    }
    b.onResolve({ filter: /^\.\/[a-z-]+\.js$/ }, (args) => {
      if (args.importer !== path.join(dist, 'commands', 'extra.js')) return undefined;
      if (!EXTRA.includes(args.path.slice(2, -3))) return undefined;
      return { path: './extra.cjs', external: true };
    });
  },
};

// zod's messages in some forty languages, which `z.locales` offers: icp-check words every finding
// itself and never sets a zod locale, so only English (which zod imports on its own) is bundled.
// Some 360 KB less to read and compile at every start.
const englishZodOnly = {
  name: 'english-zod-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'english-zod-only' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'english-zod-only' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

// A fresh folder: no code cache of an earlier bundle is packed or kept.
rmSync(out, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20.19',
  logLevel: 'warning',
  legalComments: 'none',
  // import() of extra.cjs becomes require(): a vm.Script has no loader for import().
  supported: { 'dynamic-import': false },
  plugins: [placeOfImportMeta, extraApart, englishZodOnly],
  // The CLI never imports the packages' ESM-only conditions it cannot bundle; prefer "import" builds.
  mainFields: ['module', 'main'],
  conditions: ['node', 'import'],
};

await build({
  ...common,
  stdin: { contents: "export * from './cli.js';\nexport * from './errors.js';\nexport * from 'commander';", resolveDir: dist, sourcefile: 'cli-entry.js' },
  outfile: path.join(out, 'cli.cjs'),
});
await build({
  ...common,
  stdin: { contents: EXTRA.map((c) => `export * from './${c}.js';`).join('\n'), resolveDir: path.join(dist, 'commands'), sourcefile: 'extra-commands.js' },
  outfile: path.join(out, 'extra.cjs'),
});

// Only ASCII: esbuild escapes strings and identifiers but leaves regular expressions, comments and
// tagged templates as written, and a few of ours hold Chinese punctuation. A source of ASCII only
// is read as Latin-1, several times faster than UTF-8 and stored one byte a character by V8
// (bin/code-cache.js). An escape means the same character in a regular expression, a comment and
// the cooked text of a template; only a template's raw text would differ, so String.raw with such
// a character stops the build. An identity escape before one (`\§`) becomes the plain escape.
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  const raw = /String\.raw`[^`]*[^\x00-\x7f]/.exec(text);
  if (raw) throw new Error(`${file}: a String.raw template holds a character beyond ASCII: ${raw[0].slice(0, 80)}`);
  const escaped = text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(file, escaped);
}
asciiOnly(path.join(out, 'cli.cjs'));
asciiOnly(path.join(out, 'extra.cjs'));

// The bundle's identity for the code cache: a cache made for other bytes is never used.
const hash = createHash('sha256')
  .update(readFileSync(path.join(out, 'cli.cjs')))
  .update(readFileSync(path.join(out, 'extra.cjs')))
  .digest('hex')
  .slice(0, 16);
writeFileSync(path.join(out, 'hash.txt'), `${hash}\n`);
