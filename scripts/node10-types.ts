/**
 * Writes bin/node10/: the package's declarations for consumers whose tsconfig resolves modules the
 * classic way (`moduleResolution: node`, Pulumi's TypeScript templates) without esModuleInterop.
 * There `import ... from "zod"` loads zod's CommonJS declarations, whose locale index
 * default-imports `export =` modules: 63 errors unless skipLibCheck is set. The same declarations
 * importing "zod/index.js" load zod's ESM declarations (same types, no such imports) instead.
 * package.json's `types` (read by classic resolution) points here; `exports` (read by node16,
 * nodenext and bundler resolution, where the original import is fine) keeps bin/components/.
 *
 * Run after `tsc -p tsconfig.build.json` (npm run build).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { dirname, join, relative } from "path";

const ROOT = join(__dirname, "..");
const SOURCE = join(ROOT, "bin", "components");
const TARGET = join(ROOT, "bin", "node10");

/** The zod import of a declaration file, rewritten to zod's ESM declarations. */
export function rewriteZodImports(declaration: string): string {
  return declaration
    .replace(/(from\s+)"zod"/g, '$1"zod/index.js"')
    .replace(/import\("zod"\)/g, 'import("zod/index.js")');
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return declarationFiles(path);
    return entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Writes bin/node10/ from bin/components/; returns how many files import zod. */
export function writeNode10Types(): number {
  rmSync(TARGET, { recursive: true, force: true });
  let rewritten = 0;
  for (const file of declarationFiles(SOURCE)) {
    const text = readFileSync(file, "utf8");
    const out = rewriteZodImports(text);
    if (out !== text) rewritten++;
    const target = join(TARGET, relative(SOURCE, file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out);
  }
  return rewritten;
}

if (require.main === module) {
  const count = writeNode10Types();
  console.log(`bin/node10: declarations for classic resolution (${count} import zod)`);
}
