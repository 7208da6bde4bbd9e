/**
 * The handler map in index.ts is checked with `satisfies`, so a domain left out of it is a compile error. This
 * compiles index.ts as it is, and again with one domain's spreads dropped, and expects the second to name the
 * channels nobody handles.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const indexFile = path.join(root, 'electron/backend/index.ts');
const source = readFileSync(indexFile, 'utf8');

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), (file) => ts.sys.readFile(file));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
}

let previous: ts.Program | undefined;

/** Type errors of index.ts with `text` in its place (the rest of the project as on disk). */
function diagnosticsWith(text: string): string[] {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    path.resolve(file) === indexFile
      ? ts.createSourceFile(file, text, language, true)
      : getSourceFile(file, language, ...rest);
  const program = ts.createProgram({ rootNames: [indexFile], options, host, oldProgram: previous });
  previous = program;
  const file = program.getSourceFile(indexFile);
  return ts.getPreEmitDiagnostics(program, file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the handler map of electron/backend/index.ts', () => {
  it('compiles with every domain', () => {
    expect(diagnosticsWith(source)).toEqual([]);
  }, 20_000);

  it('fails to compile when a domain is left out, naming its channels', () => {
    const dropped = source.replace(/^\s*\.\.\.logs\.(requests|streams),\n/gm, '');
    expect(source.length - dropped.length).toBe('    ...logs.requests,\n    ...logs.streams,\n'.length);
    const errors = diagnosticsWith(dropped).join('\n');
    expect(errors).toMatch(/does not satisfy the expected type 'RequestHandlers'/);
    expect(errors).toMatch(/Property '"logs:[a-zA-Z]+"' is missing/);
    expect(errors).toMatch(/does not satisfy the expected type 'StreamHandlers'/);
  }, 20_000);
});
