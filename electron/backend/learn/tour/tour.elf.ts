/**
 * The one program the tour image carries: a static Linux executable of a few dozen bytes that waits for a signal
 * and waits again, forever. A `FROM scratch` image needs no base image to build, so the tour works offline on any
 * engine; this program is what lets its containers actually run. Built here, per architecture, rather than
 * shipped as opaque binaries, so that every byte is readable below.
 */

export type TourArch = 'amd64' | 'arm64';

// x86-64: `loop: mov eax, 34 (pause); syscall; jmp loop`
const AMD64_CODE = [0xb8, 0x22, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xeb, 0xf7];

// AArch64 has no pause(); ppoll(NULL, 0, NULL, NULL, 0) blocks the same way. Little-endian instruction words:
// `loop: mov x0..x4, #0; mov x8, #73 (ppoll); svc #0; b loop`
const ARM64_WORDS = [0xd2800000, 0xd2800001, 0xd2800002, 0xd2800003, 0xd2800004, 0xd2800928, 0xd4000001, 0x17fffff9];

const MACHINE: Readonly<Record<TourArch, number>> = { amd64: 0x3e, arm64: 0xb7 };

function code(arch: TourArch): number[] {
  if (arch === 'amd64') return AMD64_CODE;
  return ARM64_WORDS.flatMap((word) => [word & 0xff, (word >>> 8) & 0xff, (word >>> 16) & 0xff, word >>> 24]);
}

/** The engine's architecture names (`docker info` Architecture, `docker version` Arch) to ours; undefined when unsupported. */
export function tourArch(engineArch: string): TourArch | undefined {
  const a = engineArch.toLowerCase();
  if (a === 'amd64' || a === 'x86_64') return 'amd64';
  if (a === 'arm64' || a === 'aarch64') return 'arm64';
  return undefined;
}

/** A minimal ELF64 executable: header, one loadable segment, the code; loaded at 0x400000. */
export function waitingProgram(arch: TourArch): Uint8Array {
  const body = code(arch);
  const headerSize = 64;
  const segmentSize = 56;
  const base = 0x400000;
  const total = headerSize + segmentSize + body.length;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]); // ELF magic, 64-bit, little-endian, version 1, System V
  view.setUint16(16, 2, true); // executable
  view.setUint16(18, MACHINE[arch], true);
  view.setUint32(20, 1, true);
  view.setBigUint64(24, BigInt(base + headerSize + segmentSize), true); // entry point
  view.setBigUint64(32, BigInt(headerSize), true); // program headers follow the ELF header
  view.setUint16(52, headerSize, true);
  view.setUint16(54, segmentSize, true);
  view.setUint16(56, 1, true);
  const p = headerSize;
  view.setUint32(p, 1, true); // PT_LOAD
  view.setUint32(p + 4, 5, true); // read + execute
  view.setBigUint64(p + 16, BigInt(base), true);
  view.setBigUint64(p + 24, BigInt(base), true);
  view.setBigUint64(p + 32, BigInt(total), true);
  view.setBigUint64(p + 40, BigInt(total), true);
  view.setBigUint64(p + 48, 0x1000n, true);
  bytes.set(body, headerSize + segmentSize);
  return bytes;
}
