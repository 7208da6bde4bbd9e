/**
 * Every channel must have its domain in index.ts's DOMAINS, or index.ts does not compile. This compiles index.ts
 * as it is, and again with one domain's line dropped, and expects the second to name the channels nobody handles.
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

describe('the domain list of electron/backend/index.ts', () => {
  it('compiles with every domain', () => {
    expect(diagnosticsWith(source)).toEqual([]);
  }, 20_000);

  it('fails to compile when a domain is left out, naming its channels', () => {
    const dropped = source.replace(/^ {2}logsDomain,\n/m, '');
    expect(source.length - dropped.length).toBe('  logsDomain,\n'.length);
    const errors = diagnosticsWith(dropped).join('\n');
    expect(errors).toMatch(/Type '"logs:[a-zA-Z]+"( \| "logs:[a-zA-Z]+")*' does not satisfy the constraint 'never'/);
    for (const channel of ['logs:older', 'logs:follow', 'logs:saveTicket']) expect(errors).toContain(channel);
  }, 20_000);
});
