/**
 * Every build Berth ran: its settings, outcome, timings and log, kept as JSON in the app's data folder (written
 * whole through core/atomic-file.ts) so it survives a restart. Bounded: the newest BUILD_HISTORY_LIMIT builds, each
 * log cut to its last BUILD_LOG_LINE_LIMIT lines, and the file kept under MAX_HISTORY_BYTES by dropping the oldest.
 * Secret values are never here: the options hold where a secret came from, and BuildKit never prints the value.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  BUILD_HISTORY_LIMIT,
  BUILD_LOG_LINE_LIMIT,
  type BuildEvent,
  type BuildHistoryEntry,
  type BuildHistoryLog,
  type BuildOptions,
  type BuilderKind,
  type BuildVertex,
} from '../../../shared/dto/build';
import { BerthFailure } from '../../../shared/result';
import { writeTextAtomically } from '../core/atomic-file';

export const MAX_HISTORY_BYTES = 8 * 1024 * 1024;
const MAX_LINE_CHARS = 2000;

interface Stored {
  readonly entry: BuildHistoryEntry;
  readonly log: BuildHistoryLog;
}

/** Turns one build's events into the plain log the history keeps, one step header per step. */
export class BuildLogRecorder {
  private readonly lines: string[] = [];
  private dropped = 0;
  private readonly named = new Map<string, number>();
  private readonly finished = new Set<string>();
  builder: BuilderKind | null = null;
  steps = 0;

  add(event: BuildEvent): void {
    switch (event.type) {
      case 'builder':
        this.builder = event.builder;
        this.push(`Builder: ${event.builder === 'buildkit' ? 'BuildKit' : 'classic'}. ${event.reason}`);
        break;
      case 'context':
        this.push(`Context: ${event.files} files, ${event.size} bytes`);
        break;
      case 'vertex':
        this.vertex(event.vertex);
        break;
      case 'vertex-output': {
        const n = this.named.get(event.id) ?? 0;
        for (const line of event.lines) this.push(`#${n} ${line}`);
        break;
      }
      case 'step':
        this.steps = Math.max(this.steps, event.step);
        this.push(`Step ${event.step}/${event.total} : ${event.instruction}`);
        break;
      case 'output':
        this.push(event.text);
        break;
      case 'cached':
        this.push(' ---> Using cache');
        break;
      case 'layer':
        this.push(` ---> ${event.id}`);
        break;
      case 'done':
        this.push(`Built ${event.imageId}${event.tags.length > 0 ? ` as ${event.tags.join(', ')}` : ''}`);
        break;
    }
  }

  fail(message: string): void {
    this.push(`ERROR: ${message}`);
  }

  log(id: string): BuildHistoryLog {
    return { id, lines: [...this.lines], droppedLines: this.dropped };
  }

  private vertex(v: BuildVertex): void {
    if (!this.named.has(v.id)) {
      this.named.set(v.id, this.named.size + 1);
      this.steps += 1;
      this.push(`#${this.named.size} ${v.name}${v.line === null ? '' : ` (line ${v.line})`}`);
    }
    const n = this.named.get(v.id) ?? 0;
    if (this.finished.has(v.id)) return;
    if (v.error !== null) {
      this.finished.add(v.id);
      this.push(`#${n} ERROR: ${v.error}`);
    } else if (v.cached) {
      this.finished.add(v.id);
      this.push(`#${n} CACHED`);
    } else if (v.completed !== null && v.started !== null) {
      this.finished.add(v.id);
      this.push(`#${n} DONE ${((v.completed - v.started) / 1000).toFixed(1)}s`);
    }
  }

  private push(line: string): void {
    this.lines.push(line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line);
    if (this.lines.length > BUILD_LOG_LINE_LIMIT) {
      this.lines.shift();
      this.dropped += 1;
    }
  }
}

function isStored(v: unknown): v is Stored {
  const r = v as Partial<Stored> | null;
  return typeof r?.entry?.id === 'string' && Array.isArray(r.log?.lines);
}

export class BuildHistory {
  private items: Stored[] | null = null;
  private writing: Promise<void> = Promise.resolve();

  /** `file` null: kept in memory only (tests, or a host without a data folder). */
  constructor(private readonly file: string | null) {}

  async list(): Promise<BuildHistoryEntry[]> {
    return (await this.load()).map((s) => s.entry);
  }

  async log(id: string): Promise<BuildHistoryLog> {
    const found = (await this.load()).find((s) => s.entry.id === id);
    if (!found) throw new BerthFailure('NOT_FOUND', 'That build is no longer in the history.');
    return found.log;
  }

  async get(id: string): Promise<BuildHistoryEntry> {
    const found = (await this.load()).find((s) => s.entry.id === id);
    if (!found) throw new BerthFailure('NOT_FOUND', 'That build is no longer in the history.');
    return found.entry;
  }

  async add(
    fields: Omit<BuildHistoryEntry, 'id' | 'logLines' | 'options'> & { options: BuildOptions },
    recorder: BuildLogRecorder,
  ): Promise<BuildHistoryEntry> {
    const id = randomUUID();
    const log = recorder.log(id);
    const entry: BuildHistoryEntry = { ...fields, id, logLines: log.lines.length };
    const items = [{ entry, log }, ...(await this.load())].slice(0, BUILD_HISTORY_LIMIT);
    while (items.length > 1 && Buffer.byteLength(JSON.stringify(items)) > MAX_HISTORY_BYTES) items.pop();
    this.items = items;
    await this.save();
    return entry;
  }

  private async load(): Promise<Stored[]> {
    if (this.items) return this.items;
    let items: Stored[] = [];
    if (this.file) {
      try {
        const stat = await fs.stat(this.file);
        if (stat.size <= MAX_HISTORY_BYTES * 2) {
          const parsed = JSON.parse(await fs.readFile(this.file, 'utf8')) as unknown;
          if (Array.isArray(parsed)) items = parsed.filter(isStored).slice(0, BUILD_HISTORY_LIMIT);
        }
      } catch {
        // No history yet, or a damaged file: start again rather than fail every build.
      }
    }
    this.items ??= items;
    return this.items;
  }

  private save(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    const text = JSON.stringify(this.items ?? []);
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await writeTextAtomically(file, text, 0o600);
      });
    return this.writing;
  }
}
