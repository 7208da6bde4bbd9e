/**
 * GET /images/json entries as each Engine API version answers them (written from the Engine API reference):
 * 1.41 still sends VirtualSize; 1.44 dropped it; 1.47 adds Manifests with the containerd image store; 1.51 adds
 * Descriptor and per-platform manifest data. The mapper reads the same summary from every one.
 */
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { toImageSummary } from './images.mapper';

const base = {
  Id: 'sha256:3f57d9401f8d42f986df300f0c69192fc41da28ccc8d797829467780db3dd741',
  ParentId: '',
  RepoTags: ['example/app:1'],
  RepoDigests: ['example/app@sha256:9b0a0aa1c5e0e7d8f0a8f5c2b9e8c5b1b2a8d3c4e5f6a7b8c9d0e1f2a3b4c5d6'],
  Created: 1700000000,
  Size: 4_861_284,
  SharedSize: -1,
  Labels: null,
  Containers: -1,
};

const manifest = {
  ID: 'sha256:9b0a0aa1c5e0e7d8f0a8f5c2b9e8c5b1b2a8d3c4e5f6a7b8c9d0e1f2a3b4c5d6',
  Descriptor: { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:9b0a', size: 1234 },
  Available: true,
  Size: { Total: 4_900_000, Content: 2_400_000 },
  Kind: 'image',
  ImageData: { Platform: { architecture: 'amd64', os: 'linux' }, Containers: [], Size: { Unpacked: 4_861_284 } },
};

const RESPONSES: Record<string, unknown> = {
  '1.41': { ...base, VirtualSize: 4_861_284 },
  '1.44': base,
  '1.47': { ...base, Manifests: [manifest] },
  '1.51': {
    ...base,
    Descriptor: { mediaType: 'application/vnd.oci.image.index.v1+json', digest: 'sha256:aa', size: 856 },
    Manifests: [manifest, { ...manifest, Kind: 'attestation', ImageData: undefined, AttestationData: { For: 'x' } }],
  },
};

describe.each(Object.entries(RESPONSES))('toImageSummary on API %s', (_version, raw) => {
  it('reads id, tags, digests, created and size, without VirtualSize', () => {
    expect(toImageSummary(raw as Dockerode.ImageInfo)).toEqual({
      id: base.Id,
      repoTags: ['example/app:1'],
      repoDigests: base.RepoDigests,
      created: 1_700_000_000_000,
      size: 4_861_284,
      containers: -1,
      dangling: false,
    });
  });
});
