import { NOTICE, sourceOf, STDERR, type LogBuffer } from './log-buffer';
import { stripAnsi } from './ansi';

/** Saves every line the view holds as a text file (a Blob download, which Electron turns into a save dialog). */
export function saveLog(buffer: LogBuffer, names: readonly string[], tagged: boolean): void {
  const out: string[] = [];
  for (let i = 0; i < buffer.length; i++) {
    const flags = buffer.flagsAt(i);
    const tag = tagged ? `${names[sourceOf(flags)] ?? ''} ` : '';
    const stream = flags & NOTICE ? 'berth' : flags & STDERR ? 'stderr' : 'stdout';
    out.push(`${buffer.tsAt(i)} ${tag}${stream} ${stripAnsi(buffer.textAt(i))}`);
  }
  const url = URL.createObjectURL(new Blob([out.join('\n') + '\n'], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${names.join('+') || 'logs'}.log`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
