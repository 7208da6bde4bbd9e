/** Command-line options of the bridge entry (`npm run serve -- --port N`). */
export interface ServeArgs {
  readonly port: number;
  /** Largest upload in bytes, when --max-upload-mb was given. */
  readonly maxUploadBytes?: number;
  /** Folders typed paths may be inside, beside the home and temporary folders (--allow, repeatable). */
  readonly allow?: readonly string[];
}

export type ParsedArgs =
  { readonly ok: true; readonly args: ServeArgs } | { readonly ok: false; readonly message: string };

function parsePort(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}

const OPTIONS = ['--port', '--max-upload-mb', '--allow'] as const;

/**
 * Accepts `--port N` (0, the default, picks a free port) and `--max-upload-mb N` (1 to 1048576), each also as
 * `--name=N`; and `--allow <absolute folder>`, repeatable.
 */
export function parseServeArgs(argv: readonly string[]): ParsedArgs {
  let port = 0;
  let maxUploadBytes: number | undefined;
  const allow: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const name = OPTIONS.find((option) => arg === option || arg.startsWith(`${option}=`));
    if (name === undefined)
      return {
        ok: false,
        message: `Unknown option ${JSON.stringify(arg)}; the options are --port N, --max-upload-mb N and --allow <folder>.`,
      };
    let value: string | undefined;
    if (arg === name) {
      value = argv[i + 1];
      i += 1;
    } else {
      value = arg.slice(name.length + 1);
    }
    if (name === '--port') {
      const parsed = parsePort(value);
      if (parsed === null)
        return { ok: false, message: `--port needs a number from 0 to 65535, not ${JSON.stringify(value ?? '')}.` };
      port = parsed;
    } else if (name === '--allow') {
      if (value === undefined || !(value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value)) || value.includes('\0'))
        return { ok: false, message: `--allow needs an absolute folder path, not ${JSON.stringify(value ?? '')}.` };
      allow.push(value);
    } else {
      const mb = value !== undefined && /^\d{1,7}$/.test(value) ? Number(value) : 0;
      if (mb < 1 || mb > 1_048_576)
        return {
          ok: false,
          message: `--max-upload-mb needs a number of MiB from 1 to 1048576, not ${JSON.stringify(value ?? '')}.`,
        };
      maxUploadBytes = mb * 1024 * 1024;
    }
  }
  return {
    ok: true,
    args: { port, ...(maxUploadBytes === undefined ? {} : { maxUploadBytes }), ...(allow.length ? { allow } : {}) },
  };
}
