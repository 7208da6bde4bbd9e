/**
 * Interactive exec sessions: a TTY process in a running container, attached over a hijacked connection. Each
 * session belongs to the stream subscription that opened it and is ended when that subscription goes away (so when
 * its window closes or its bridge socket drops); only that subscription's session (window or socket) may type into,
 * resize or inspect it.
 */
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import type { ExecChunk } from '../../../shared/dto/containers';
import { BerthFailure } from '../../../shared/result';
import { statusOf } from '../engine/errors';
import type { DockerSource } from '../engine/engine.types';

/** Set in the session's environment, and so in every process started from its shell. */
const MARKER = 'BERTH_SESSION';

/**
 * Closing the attach connection does not end an exec: the engine keeps its TTY open (that is how `docker exec`
 * detaches). So the session's processes, found by the marker in their environment, are killed by a second exec.
 */
async function hangUp(container: Dockerode.Container, exec: Dockerode.Exec, sessionId: string): Promise<void> {
  try {
    if (!(await exec.inspect()).Running) return;
    const script = `for d in /proc/[0-9]*; do if tr '\\0' '\\n' < "$d/environ" 2>/dev/null | grep -qx ${MARKER}=${sessionId}; then kill -KILL "\${d#/proc/}"; fi; done`;
    const killer = await container.exec({ Cmd: ['sh', '-c', script], AttachStdout: false, AttachStderr: false });
    await killer.start({ Detach: true });
  } catch {
    // The container stopped or has no shell: nothing left to end, or nothing Berth can do about it.
  }
}

interface Session {
  readonly exec: Dockerode.Exec;
  readonly socket: Duplex;
  /** The dispatcher session (Caller.session) that opened it. */
  readonly owner: object;
}

export interface ExecRequest {
  readonly id: string;
  readonly command: readonly string[];
  readonly cols: number;
  readonly rows: number;
}

export class ExecSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly engine: DockerSource) {}

  get size(): number {
    return this.sessions.size;
  }

  /**
   * Starts the process and pipes its terminal to `emit`; resolves with the session id. `signal` ends it: the
   * connection is closed, which hangs up the TTY, and the shell exits.
   */
  async open(
    request: ExecRequest,
    emit: (chunk: ExecChunk) => void,
    signal: AbortSignal,
    owner: object,
  ): Promise<string> {
    const container = this.engine.docker().getContainer(request.id);
    const sessionId = randomUUID();
    let exec: Dockerode.Exec;
    try {
      exec = await container.exec({
        Cmd: [...request.command],
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: true,
        Env: ['TERM=xterm-256color', `${MARKER}=${sessionId}`],
      });
    } catch (error) {
      const status = statusOf(error);
      if (status === 409)
        throw new BerthFailure('CONFLICT', `Container ${request.id} is not running; start it to open a terminal.`);
      if (status === 404)
        throw new BerthFailure(
          'NOT_FOUND',
          `There is no container ${request.id} on this engine; it may have been removed.`,
        );
      throw error;
    }
    const socket = await exec.start({ hijack: true, stdin: true, Tty: true });
    if (signal.aborted) {
      socket.destroy();
      await hangUp(container, exec, sessionId);
      return sessionId;
    }
    this.sessions.set(sessionId, { exec, socket, owner });
    emit({ type: 'session', sessionId });
    socket.on('data', (data: Buffer) => emit({ type: 'output', data: data.toString('base64') }));
    const close = () => {
      if (!this.sessions.delete(sessionId)) return;
      socket.destroy();
      void hangUp(container, exec, sessionId);
    };
    socket.once('close', () => {
      if (signal.aborted) return close();
      this.sessions.delete(sessionId);
      exec
        .inspect()
        .then((info) => emit({ type: 'exit', exitCode: info.ExitCode ?? null }))
        .catch(() => emit({ type: 'exit', exitCode: null }));
    });
    socket.once('error', () => socket.destroy());
    signal.addEventListener('abort', close, { once: true });
    await this.resize(sessionId, request.cols, request.rows, owner).catch(() => undefined);
    return sessionId;
  }

  private session(sessionId: string, caller: object): Session {
    // With the engine gone every session is gone too; say that rather than "ended".
    this.engine.docker();
    const session = this.sessions.get(sessionId);
    if (!session) throw new BerthFailure('NOT_FOUND', 'That terminal session has ended.');
    if (session.owner !== caller)
      throw new BerthFailure(
        'PERMISSION_DENIED',
        'That terminal belongs to another window or page; only the one that opened it may type into it.',
      );
    return session;
  }

  input(sessionId: string, data: string, caller: object): null {
    this.session(sessionId, caller).socket.write(data);
    return null;
  }

  async resize(sessionId: string, cols: number, rows: number, caller: object): Promise<null> {
    await this.session(sessionId, caller).exec.resize({ w: cols, h: rows });
    return null;
  }

  /** The engine's own view of the session's process, for tests: is it still running? */
  async running(sessionId: string): Promise<boolean> {
    const session = this.sessions.get(sessionId);
    if (!session) throw new BerthFailure('NOT_FOUND', 'That terminal session has ended.');
    const info = await session.exec.inspect();
    return info.Running;
  }
}
