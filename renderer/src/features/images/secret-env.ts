/** Environment values that are probably secrets are masked until the user asks to see them. Pure. */

const SECRET_KEY = /(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential|auth)/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

export function splitEnv(line: string): { key: string; value: string } {
  const at = line.indexOf('=');
  return at < 0 ? { key: line, value: '' } : { key: line.slice(0, at), value: line.slice(at + 1) };
}
