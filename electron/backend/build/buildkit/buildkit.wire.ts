/**
 * The protobuf messages Berth speaks with the engine's BuildKit, written from their upstream definitions
 * (tonistiigi/fsutil types/wire.proto + stat.proto, moby/buildkit control.proto's StatusResponse, session/secrets,
 * session/auth, grpc.health.v1). Only the fields Berth reads or writes are declared; protobuf skips the others.
 */
import protobuf from 'protobufjs';

const PROTO = `
syntax = "proto3";
package berth.buildkit;

message Packet {
  enum PacketType {
    PACKET_STAT = 0;
    PACKET_REQ = 1;
    PACKET_DATA = 2;
    PACKET_FIN = 3;
    PACKET_ERR = 4;
  }
  PacketType type = 1;
  Stat stat = 2;
  uint32 ID = 3;
  bytes data = 4;
}

message Stat {
  string path = 1;
  uint32 mode = 2;
  uint32 uid = 3;
  uint32 gid = 4;
  int64 size = 5;
  int64 modTime = 6;
  string linkname = 7;
  int64 devmajor = 8;
  int64 devminor = 9;
}

message Timestamp {
  int64 seconds = 1;
  int32 nanos = 2;
}

message Vertex {
  string digest = 1;
  repeated string inputs = 2;
  string name = 3;
  bool cached = 4;
  Timestamp started = 5;
  Timestamp completed = 6;
  string error = 7;
}

message VertexStatus {
  string ID = 1;
  string vertex = 2;
  string name = 3;
  int64 current = 4;
  int64 total = 5;
}

message VertexLog {
  string vertex = 1;
  Timestamp timestamp = 2;
  int64 stream = 3;
  bytes msg = 4;
}

message VertexWarning {
  string vertex = 1;
  int64 level = 2;
  bytes short = 3;
}

message StatusResponse {
  repeated Vertex vertexes = 1;
  repeated VertexStatus statuses = 2;
  repeated VertexLog logs = 3;
  repeated VertexWarning warnings = 4;
}

message GetSecretRequest {
  string ID = 1;
}

message GetSecretResponse {
  bytes data = 1;
}

message CredentialsRequest {
  string Host = 1;
}

message CredentialsResponse {
  string Username = 1;
  string Secret = 2;
}

message HealthCheckRequest {
  string service = 1;
}

message HealthCheckResponse {
  int32 status = 1;
}
`;

const root = protobuf.parse(PROTO, { keepCase: true }).root;
const type = (name: string): protobuf.Type => root.lookupType(`berth.buildkit.${name}`);

export const PacketType = { STAT: 0, REQ: 1, DATA: 2, FIN: 3, ERR: 4 } as const;

export interface WireStat {
  path: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  modTime: number;
  linkname: string;
}

export interface WirePacket {
  type: number;
  stat?: WireStat | null;
  ID: number;
  data: Uint8Array;
}

export interface WireTimestamp {
  seconds: number;
  nanos: number;
}

export interface WireVertex {
  digest: string;
  inputs: string[];
  name: string;
  cached: boolean;
  started?: WireTimestamp | null;
  completed?: WireTimestamp | null;
  error: string;
}

export interface WireStatus {
  vertexes: WireVertex[];
  statuses: { ID: string; vertex: string; name: string; current: number; total: number }[];
  logs: { vertex: string; stream: number; msg: Uint8Array }[];
  warnings: { vertex: string; level: number; short: Uint8Array }[];
}

/** A (de)serializer pair for one message type, as grpc-js wants them. */
export interface Codec<T> {
  readonly encode: (value: T) => Buffer;
  readonly decode: (bytes: Buffer) => T;
}

function codec<T>(name: string): Codec<T> {
  const t = type(name);
  return {
    encode: (value) => Buffer.from(t.encode(t.fromObject(value as Record<string, unknown>)).finish()),
    decode: (bytes) =>
      t.toObject(t.decode(bytes), { longs: Number, enums: Number, bytes: Buffer, defaults: true }) as T,
  };
}

export const packetCodec = codec<WirePacket>('Packet');
export const statusCodec = codec<WireStatus>('StatusResponse');
export const secretRequestCodec = codec<{ ID: string }>('GetSecretRequest');
export const secretResponseCodec = codec<{ data: Uint8Array }>('GetSecretResponse');
export const credentialsRequestCodec = codec<{ Host: string }>('CredentialsRequest');
export const credentialsResponseCodec = codec<{ Username: string; Secret: string }>('CredentialsResponse');
export const healthRequestCodec = codec<{ service: string }>('HealthCheckRequest');
export const healthResponseCodec = codec<{ status: number }>('HealthCheckResponse');
