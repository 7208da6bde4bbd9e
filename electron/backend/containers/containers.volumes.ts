/** A container's volumes: which are lost with it (anonymous) and which stay (named). Pure. */
import type Dockerode from 'dockerode';

/** An anonymous volume is named by the engine with 64 hex digits; a named one by the user. */
export const isAnonymousVolume = (name: string): boolean => /^[0-9a-f]{64}$/.test(name);

export function volumesOf(raw: Pick<Dockerode.ContainerInspectInfo, 'Mounts'>): {
  anonymousVolumes: string[];
  namedVolumes: string[];
} {
  const volumes = (raw.Mounts ?? []).flatMap((m) => (m.Type === 'volume' && m.Name ? [m.Name] : []));
  return {
    anonymousVolumes: volumes.filter(isAnonymousVolume),
    namedVolumes: volumes.filter((v) => !isAnonymousVolume(v)),
  };
}
