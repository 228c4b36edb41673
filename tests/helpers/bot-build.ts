/**
 * The bot (`src/main.ts`) compiled once per test run into one ES module, so that test files
 * starting bot processes (bot-cluster.ts) do not have tsx transpile every module in every process:
 * a start takes ~2.5 s instead of ~3.5 s and ~1 s less CPU. The global set-up (this file's default
 * export, in vitest.config.ts) bundles it with esbuild (the compiler tsx itself runs) into the
 * run's temporary folder, beside a link to node_modules so that packages, left out of the bundle,
 * resolve as they do from the repository. Each module's `import.meta.url` is replaced by its
 * source file's URL: files found beside the sources (the notes, the migrations, the index worker,
 * the embedded database's initdb script) are found where they are. The production start, `node
 * --import tsx src/main.ts` as the Dockerfile runs it, keeps its own test:
 * tests/storage/pglite-memory.test.ts (bench/memory-bench.ts).
 */

import { readFile, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { inject } from 'vitest';
import { runFolderSetup } from './run-folder.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder holding the compiled bot (see bot-build.ts). */
    botBuildDir: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');
const BUNDLE = 'main.mjs';

/** Bundles src/main.ts into `dir`/main.mjs (~0.3 s) beside a link to the repository's node_modules. */
async function buildBot(dir: string): Promise<void> {
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await build({
    entryPoints: [join(ROOT, 'src/main.ts')],
    outfile: join(dir, BUNDLE),
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [
      {
        name: 'source-import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
            loader: 'ts',
            contents: (await readFile(path, 'utf8')).replaceAll(
              'import.meta.url',
              JSON.stringify(pathToFileURL(path).href),
            ),
          }));
        },
      },
    ],
  });
}

/** Vitest global set-up: the run's folder with the compiled bot; returns the teardown that removes it. */
export default runFolderSetup('botBuildDir', 'saa-bot-build-', buildBot);

/** Node's arguments to start the compiled bot (with `cwd` the repository root, as `src/main.ts`). */
export function compiledBotArgs(): string[] {
  return [join(inject('botBuildDir'), BUNDLE)];
}
