// Declarations of shared/ (the HTTP contracts and constants both the admin and the server read) at
// dist/shared/, where the server's and the admin's declarations (dist/server/src/, dist/admin/src/)
// point: strapi-plugin build emits declarations only for the files under each bundle's own source
// folder. Only files under shared/ are written; shared/engine.ts's targets are the server's own.
import ts from 'typescript';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const sharedDir = path.join(root, 'shared');
const outDir = path.join(root, 'dist');

const sources = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []
  );

const program = ts.createProgram(sources(sharedDir), {
  declaration: true,
  emitDeclarationOnly: true,
  rootDir: root,
  outDir,
  strict: true,
  skipLibCheck: true,
  resolveJsonModule: true,
  esModuleInterop: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  types: [],
});

const sharedOut = path.join(outDir, 'shared') + path.sep;
let written = 0;
const { diagnostics } = program.emit(undefined, (fileName, text) => {
  if (!path.resolve(fileName).startsWith(sharedOut)) return;
  mkdirSync(path.dirname(fileName), { recursive: true });
  writeFileSync(fileName, text);
  written += 1;
});
const errors = [...ts.getPreEmitDiagnostics(program), ...diagnostics].filter((d) => d.category === ts.DiagnosticCategory.Error);
if (errors.length > 0) {
  console.error(
    ts.formatDiagnosticsWithColorAndContext(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' })
  );
  process.exit(1);
}
console.log(`shared declarations: dist/shared/ ${written} files`);
