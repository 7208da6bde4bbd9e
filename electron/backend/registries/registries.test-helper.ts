/**
 * For registry tests: a credential helper script (`docker-credential-berthtest`, written in Node) that keeps what it
 * is given in a JSON file, so a test can read what a helper received. Put its folder first on PATH.
 */
import fs from 'node:fs';
import path from 'node:path';

export const TEST_HELPER = 'berthtest';

const SCRIPT = `#!${process.execPath}
const fs = require('node:fs');
const file = process.env.BERTH_HELPER_STORE;
const read = () => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {});
const input = fs.readFileSync(0, 'utf8');
const all = read();
switch (process.argv[2]) {
  case 'store': {
    const c = JSON.parse(input);
    all[c.ServerURL] = { Username: c.Username, Secret: c.Secret };
    fs.writeFileSync(file, JSON.stringify(all));
    break;
  }
  case 'get': {
    const c = all[input.trim()];
    if (!c) { process.stdout.write('credentials not found in native keychain\\n'); process.exit(1); }
    process.stdout.write(JSON.stringify({ ServerURL: input.trim(), Username: c.Username, Secret: c.Secret }));
    break;
  }
  case 'erase': {
    delete all[input.trim()];
    fs.writeFileSync(file, JSON.stringify(all));
    break;
  }
  case 'list': {
    process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.Username]))));
    break;
  }
  default:
    process.stdout.write('unknown action');
    process.exit(1);
}
`;

/** Writes the helper into `bin` and returns the file its credentials go to. */
export function installTestHelper(bin: string, storeFile: string): { storeFile: string } {
  fs.mkdirSync(bin, { recursive: true });
  const file = path.join(bin, `docker-credential-${TEST_HELPER}`);
  fs.writeFileSync(file, SCRIPT, { mode: 0o755 });
  return { storeFile };
}

export const readHelperStore = (storeFile: string): Record<string, { Username: string; Secret: string }> =>
  fs.existsSync(storeFile)
    ? (JSON.parse(fs.readFileSync(storeFile, 'utf8')) as Record<string, { Username: string; Secret: string }>)
    : {};
