/** Command-line options of the bridge entry (`npm run serve -- --port N`). */
export interface ServeArgs {
  readonly port: number;
}

export type ParsedArgs =
  { readonly ok: true; readonly args: ServeArgs } | { readonly ok: false; readonly message: string };

function parsePort(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}

/** Accepts `--port N` and `--port=N`; 0 (the default) picks a free port. */
export function parseServeArgs(argv: readonly string[]): ParsedArgs {
  let port = 0;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    let value: string | undefined;
    if (arg === '--port') {
      value = argv[i + 1];
      i += 1;
    } else if (arg?.startsWith('--port=')) {
      value = arg.slice('--port='.length);
    } else {
      return {
        ok: false,
        message: `Unknown option ${JSON.stringify(arg)}; the only option is --port N.`,
      };
    }
    const parsed = parsePort(value);
    if (parsed === null)
      return {
        ok: false,
        message: `--port needs a number from 0 to 65535, not ${JSON.stringify(value ?? '')}.`,
      };
    port = parsed;
  }
  return { ok: true, args: { port } };
}
