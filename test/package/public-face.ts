/** The names the package root exports, types included, as a consumer's compiler sees them. */
import { join } from "path";
import * as ts from "typescript";

/** Every name components/index.ts exports (values and types), sorted. */
export function publicNames(): string[] {
  const entry = join(__dirname, "..", "..", "components", "index.ts");
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot read ${entry}`);
  const module = checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${entry} is not a module`);
  return checker
    .getExportsOfModule(module)
    .map((s) => s.getName())
    .sort();
}
