/**
 * A BuildKit session as the docker CLI opens one: POST /session upgraded to h2c names the session and the gRPC
 * methods Berth serves, then the engine dials gRPC back over that same connection. Berth serves the health check
 * (the engine drops a session that stops answering it), file sync (the context and the Dockerfile, from the
 * previewed plan), secrets (from memory, never logged) and registry credentials (a provider hook; none by default).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import type Dockerode from 'dockerode';
import type { ContextEntry } from '../build.context';
import {
  credentialsRequestCodec,
  credentialsResponseCodec,
  healthRequestCodec,
  healthResponseCodec,
  packetCodec,
  secretRequestCodec,
  secretResponseCodec,
  type Codec,
  type WirePacket,
} from './buildkit.wire';
import { selectEntries, sendFolder } from './filesync';

export interface SyncedDir {
  readonly root: string;
  readonly entries: readonly ContextEntry[];
}

/** Registry credentials for a host, or null for an anonymous pull. A registry-login feature plugs in here. */
export type CredentialsProvider = (host: string) => Promise<{ username: string; secret: string } | null>;

export interface SessionProviders {
  /** By the names the Dockerfile frontend asks for: `context` and `dockerfile`. */
  readonly dirs: Readonly<Record<string, SyncedDir>>;
  /** Secret id -> bytes. Held only in memory for the build's lifetime. */
  readonly secrets: ReadonlyMap<string, Buffer>;
  readonly credentials?: CredentialsProvider;
}

export interface BuildSession {
  readonly id: string;
  /** Bytes of file content BuildKit asked for so far. */
  sentBytes(): number;
  close(): void;
}

const FILESYNC = '/moby.filesync.v1.FileSync/DiffCopy';
const SECRETS = '/moby.buildkit.secrets.v1.Secrets/GetSecret';
const AUTH = '/moby.filesync.v1.Auth/Credentials';
const HEALTH = '/grpc.health.v1.Health/Check';

function method<Req, Res>(
  path: string,
  req: Codec<Req>,
  res: Codec<Res>,
  streams: boolean,
): grpc.MethodDefinition<Req, Res> {
  return {
    path,
    requestStream: streams,
    responseStream: streams,
    requestSerialize: req.encode,
    requestDeserialize: req.decode,
    responseSerialize: res.encode,
    responseDeserialize: res.decode,
  };
}

const first = (metadata: grpc.Metadata, key: string): string => String(metadata.get(key)[0] ?? '');
/** A repeated header arrives joined with ", " (as grpc-go sends a list). */
const all = (metadata: grpc.Metadata, key: string): string[] =>
  metadata
    .get(key)
    .flatMap((v) => String(v).split(', '))
    .filter((v) => v !== '');

/** The key BuildKit uses to reuse the last transfer of the same folder, so a rebuild sends only what changed. */
export const sharedKeyFor = (root: string): string => createHash('sha256').update(`berth:${root}`).digest('hex');

function dialSession(docker: Dockerode, headers: Record<string, string | string[]>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        method: 'POST',
        path: '/session',
        hijack: true,
        headers,
        statusCodes: { 101: true, 200: true, 500: 'server error' },
      },
      (error: unknown, socket: unknown) =>
        error
          ? reject(error instanceof Error ? error : new Error('The engine refused the request.'))
          : resolve(socket as Socket),
    );
  });
}

export async function openSession(
  docker: Dockerode,
  name: string,
  sharedKey: string,
  providers: SessionProviders,
): Promise<BuildSession> {
  const id = randomUUID();
  const server = new grpc.Server();
  const abort = new AbortController();
  let sent = 0;

  server.addService(
    { Check: method(HEALTH, healthRequestCodec, healthResponseCodec, false) },
    {
      Check: (_call: unknown, callback: grpc.sendUnaryData<{ status: number }>) => callback(null, { status: 1 }),
    },
  );
  server.addService(
    { DiffCopy: method(FILESYNC, packetCodec, packetCodec, true) },
    {
      DiffCopy: (call: grpc.ServerDuplexStream<WirePacket, WirePacket>) => {
        const dir = providers.dirs[first(call.metadata, 'dir-name')];
        if (!dir) {
          call.emit('error', { code: grpc.status.NOT_FOUND, details: 'Berth shares no such folder.' });
          return;
        }
        // The Dockerfile frontend of engines like 20.10 names the one file it wants (the Dockerfile, .dockerignore)
        // only as a path to follow; sending just those keeps the whole context from going over twice more.
        const includes = all(call.metadata, 'include-patterns');
        const follow = all(call.metadata, 'followpaths');
        const filter = {
          includes: includes.length > 0 ? includes : follow,
          excludes: all(call.metadata, 'exclude-patterns'),
        };
        sendFolder(call, dir.root, selectEntries(dir.entries, filter), abort.signal).then(
          (bytes) => (sent += bytes),
          () => call.destroy(),
        );
      },
    },
  );
  server.addService(
    { GetSecret: method(SECRETS, secretRequestCodec, secretResponseCodec, false) },
    {
      GetSecret: (
        call: grpc.ServerUnaryCall<{ ID: string }, { data: Uint8Array }>,
        callback: grpc.sendUnaryData<{ data: Uint8Array }>,
      ) => {
        const value = providers.secrets.get(call.request.ID);
        if (value === undefined) {
          callback({ code: grpc.status.NOT_FOUND, details: `No secret with the id ${call.request.ID} was given.` });
        } else callback(null, { data: value });
      },
    },
  );
  server.addService(
    { Credentials: method(AUTH, credentialsRequestCodec, credentialsResponseCodec, false) },
    {
      Credentials: (
        call: grpc.ServerUnaryCall<{ Host: string }, { Username: string; Secret: string }>,
        callback: grpc.sendUnaryData<{ Username: string; Secret: string }>,
      ) => {
        const provider = providers.credentials ?? (() => Promise.resolve(null));
        provider(call.request.Host).then(
          (creds) =>
            callback(null, creds ? { Username: creds.username, Secret: creds.secret } : { Username: '', Secret: '' }),
          () => callback(null, { Username: '', Secret: '' }),
        );
      },
    },
  );

  const socket = await dialSession(docker, {
    Upgrade: 'h2c',
    'X-Docker-Expose-Session-Uuid': id,
    'X-Docker-Expose-Session-Name': name,
    'X-Docker-Expose-Session-Sharedkey': sharedKey,
    'X-Docker-Expose-Session-Grpc-Method': [HEALTH, FILESYNC, SECRETS, AUTH],
  });
  const injector = server.createConnectionInjector(grpc.ServerCredentials.createInsecure());
  injector.injectConnection(socket);
  let closed = false;
  return {
    id,
    sentBytes: () => sent,
    close: () => {
      if (closed) return;
      closed = true;
      abort.abort();
      server.forceShutdown();
      socket.destroy();
    },
  };
}
