/**
 * ssh:// engines, reached the way the docker CLI reaches them: every connection is a new
 * `ssh [-l user] [-p port] -- host docker system dial-stdio`, so the user's ssh config, keys, agent and known_hosts
 * apply. BatchMode: ssh never asks for a password or accepts an unknown host key; it fails, and the failure is
 * told in words (host key, login, no docker on the remote).
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import type { UnreachableReason } from '../../../shared/dto/engine';
import type { SshTarget } from './endpoint';

/** What ssh printed on stderr is kept up to this many characters, for the error sentence. */
const STDERR_CAP = 4096;

export interface SshOptions {
  /** The ssh program; tests point it at Debian's ssh with their own config. */
  readonly command?: string;
  /** Extra ssh options before the destination, e.g. ['-F', '/tmp/test/ssh_config']. */
  readonly extraArgs?: readonly string[];
}

export function sshArgs(target: SshTarget, extraArgs: readonly string[] = []): string[] {
  return [
    '-o',
    'BatchMode=yes',
    '-o',
    'ConnectTimeout=30',
    '-T',
    ...extraArgs,
    ...(target.user !== undefined ? ['-l', target.user] : []),
    ...(target.port !== undefined ? ['-p', String(target.port)] : []),
    '--',
    target.host,
    'docker',
    'system',
    'dial-stdio',
  ];
}

export interface SshFailure {
  readonly reason: UnreachableReason;
  readonly message: string;
}

/** ssh's stderr and exit code, in words. Pure. */
export function explainSshFailure(address: string, stderr: string, exitCode: number | null): SshFailure {
  const said = stderr.trim().split('\n').filter(Boolean).at(-1) ?? '';
  const tail = said ? ` ssh said: "${said.slice(0, 300)}".` : '';
  if (/host key verification failed|remote host identification has changed|no .* host key is known/i.test(stderr)) {
    return {
      reason: 'permission-denied',
      message: `The host key of ${address} is not known or has changed, so ssh refused to connect. Connect once with ssh in a terminal to check and accept it.${tail}`,
    };
  }
  if (/permission denied|authentication failed|too many authentication failures/i.test(stderr)) {
    return {
      reason: 'permission-denied',
      message: `ssh could not log in to ${address}: no key or agent identity was accepted.${tail}`,
    };
  }
  if (
    /command not found|docker: not found|no such file or directory|unknown command "dial-stdio"/i.test(stderr) ||
    exitCode === 127
  ) {
    return {
      reason: 'not-an-engine',
      message: `ssh reached ${address}, but the docker CLI is not installed there (Berth runs "docker system dial-stdio" on the remote host).${tail}`,
    };
  }
  if (/could not resolve hostname/i.test(stderr)) {
    return { reason: 'bad-endpoint', message: `The host in ${address} could not be found.${tail}` };
  }
  if (/connection refused|connection timed out|no route to host|network is unreachable/i.test(stderr)) {
    return { reason: 'refused', message: `ssh could not reach ${address}.${tail}` };
  }
  if (/cannot connect to the docker daemon|is the docker daemon running/i.test(stderr)) {
    return { reason: 'refused', message: `ssh reached ${address}, but its Docker Engine is not running.${tail}` };
  }
  return {
    reason: 'unknown',
    message: `ssh to ${address} ended (exit code ${exitCode ?? 'none'}) before the engine answered.${tail}`,
  };
}

class SshError extends Error {
  readonly code = 'ESSH';
  constructor(readonly failure: SshFailure) {
    super(failure.message);
  }
}

/** One dial-stdio stream as a socket-like Duplex for node:http. */
export function dialStdio(target: SshTarget, address: string, options: SshOptions = {}): Duplex {
  const child = spawn(options.command ?? 'ssh', sshArgs(target, options.extraArgs), {
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
  let stderr = '';
  let gotData = false;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < STDERR_CAP) stderr = (stderr + chunk).slice(0, STDERR_CAP);
  });
  const duplex = new Duplex({
    read() {
      child.stdout.resume();
    },
    write(chunk: Buffer, _encoding, callback) {
      if (child.stdin.destroyed) return callback();
      child.stdin.write(chunk, () => callback());
    },
    final(callback) {
      child.stdin.end();
      callback();
    },
    destroy(error, callback) {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      callback(error);
    },
  });
  child.stdout.on('data', (chunk: Buffer) => {
    gotData = true;
    if (!duplex.push(chunk)) child.stdout.pause();
  });
  child.stdin.on('error', () => undefined);
  child.on('error', (error: NodeJS.ErrnoException) => {
    const message =
      error.code === 'ENOENT'
        ? `Berth needs the ssh program to reach ${address}, and it is not installed.`
        : `Berth could not start ssh for ${address}: ${error.message}.`;
    duplex.destroy(new SshError({ reason: 'bad-endpoint', message }));
  });
  child.stdout.on('end', () => {
    if (gotData) duplex.push(null);
  });
  child.on('close', (code) => {
    // Nothing came back: ssh itself failed (or the remote docker did); say which.
    if (!gotData) duplex.destroy(new SshError(explainSshFailure(address, stderr, code)));
  });
  // node:http calls these on real sockets.
  const socketLike = duplex as Duplex &
    Partial<Pick<Socket, 'setTimeout' | 'setNoDelay' | 'setKeepAlive' | 'ref' | 'unref'>>;
  socketLike.setTimeout = () => duplex as unknown as Socket;
  socketLike.setNoDelay = () => duplex as unknown as Socket;
  socketLike.setKeepAlive = () => duplex as unknown as Socket;
  socketLike.ref = () => duplex as unknown as Socket;
  socketLike.unref = () => duplex as unknown as Socket;
  return duplex;
}

/** An HTTP agent whose every connection is a fresh dial-stdio stream (no keep-alive: one ssh per request). */
export function sshAgent(target: SshTarget, address: string, options: SshOptions = {}): http.Agent {
  const agent = new http.Agent({ keepAlive: false });
  (agent as unknown as { createConnection: () => Duplex }).createConnection = () => dialStdio(target, address, options);
  return agent;
}
