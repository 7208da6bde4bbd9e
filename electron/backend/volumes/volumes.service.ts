/** Volumes: list, sizes, create, remove with who-uses-it, prune with an exact preview. Files are in volumes.files.ts. */
import type Dockerode from 'dockerode';
import type {
  VolumeCreateSpec,
  VolumePrunePreview,
  VolumePruneResult,
  VolumeRemovePreview,
  VolumeSummary,
  VolumeUsage,
  VolumeUser,
} from '../../../shared/dto/volumes';
import { BerthFailure } from '../../../shared/result';
import type { DockerSource } from '../engine/engine.types';
import { listInWords } from '../../../shared/words';
import { engineText, statusOf } from '../engine/errors';
import {
  apiAtLeast,
  toVolumeSummary,
  toVolumeUsage,
  usersByVolume,
  volumePrunePreview,
  type RawVolume,
} from './volumes.mapper';

interface SystemDf {
  readonly Volumes?: readonly RawVolume[] | null;
}

const usersInWords = (users: readonly VolumeUser[]): string => listInWords(users.map((u) => `${u.name} (${u.state})`));

export class VolumesService {
  constructor(private readonly engine: DockerSource) {}

  private docker(): Dockerode {
    return this.engine.docker();
  }

  /** Every container, running or not, with its mounts. */
  private async users(): Promise<Map<string, VolumeUser[]>> {
    return usersByVolume(await this.docker().listContainers({ all: true }));
  }

  async list(): Promise<readonly VolumeSummary[]> {
    const [answer, users] = await Promise.all([this.docker().listVolumes(), this.users()]);
    const volumes = (answer.Volumes ?? []) as unknown as RawVolume[];
    return volumes.map((v) => toVolumeSummary(v, users.get(v.Name) ?? [])).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** GET /system/df: walks every volume's files, so never part of the list. */
  async usage(): Promise<readonly VolumeUsage[]> {
    return (await this.dfVolumes()).map(toVolumeUsage);
  }

  private async dfVolumes(): Promise<readonly RawVolume[]> {
    const df = (await this.docker().df()) as SystemDf;
    return df.Volumes ?? [];
  }

  private async raw(name: string): Promise<RawVolume> {
    try {
      return await this.docker().getVolume(name).inspect();
    } catch (error) {
      if (statusOf(error) === 404)
        throw new BerthFailure('NOT_FOUND', `There is no volume ${name} on this engine; it may have been removed.`);
      throw error;
    }
  }

  async inspect(name: string): Promise<VolumeSummary> {
    const [raw, users] = await Promise.all([this.raw(name), this.users()]);
    return toVolumeSummary(raw, users.get(name) ?? []);
  }

  /** Checks the name is free first: the local driver would otherwise hand back the existing volume silently. */
  async create(spec: VolumeCreateSpec): Promise<VolumeSummary> {
    if (spec.name !== undefined) {
      const existing = await this.raw(spec.name).catch(() => null);
      if (existing)
        throw new BerthFailure(
          'CONFLICT',
          `A volume named ${spec.name} already exists (driver ${existing.Driver ?? 'local'}). Pick another name or use that volume.`,
        );
    }
    let created: Dockerode.Volume;
    try {
      created = await this.docker().createVolume({
        ...(spec.name !== undefined ? { Name: spec.name } : {}),
        Driver: spec.driver ?? 'local',
        DriverOpts: { ...spec.driverOpts },
        Labels: { ...spec.labels },
      });
    } catch (error) {
      if (statusOf(error) === 409)
        throw new BerthFailure('CONFLICT', `A volume named ${spec.name ?? ''} already exists with another driver.`);
      if (statusOf(error) === 404 && /plugin/i.test(engineText(error)))
        throw new BerthFailure('NOT_FOUND', `This engine has no volume driver ${spec.driver ?? ''}.`);
      throw error;
    }
    return this.inspect(created.name);
  }

  async removePreview(name: string): Promise<VolumeRemovePreview> {
    const [, users, df] = await Promise.all([this.raw(name), this.users(), this.dfVolumes()]);
    const usage = df.find((v) => v.Name === name);
    return { name, size: usage ? toVolumeUsage(usage).size : null, users: users.get(name) ?? [] };
  }

  /** Refuses, naming them, while containers (running or not) use the volume; nothing is removed then. */
  async remove(name: string, force = false): Promise<null> {
    const users = (await this.users()).get(name) ?? [];
    if (users.length > 0) throw this.inUse(name, users);
    try {
      await this.docker().getVolume(name).remove({ force });
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) throw new BerthFailure('NOT_FOUND', `There is no volume ${name} on this engine.`);
      // A container made it in between the check and the call.
      if (status === 409) throw this.inUse(name, (await this.users()).get(name) ?? []);
      throw error;
    }
    return null;
  }

  private inUse(name: string, users: readonly VolumeUser[]): BerthFailure {
    const who = users.length > 0 ? usersInWords(users) : 'a container';
    return new BerthFailure(
      'CONFLICT',
      `Volume ${name} is used by ${users.length === 1 || users.length === 0 ? 'container' : 'containers'} ${who}. Remove ${users.length > 1 ? 'them' : 'it'} first; the volume keeps its data until then.`,
      { containers: users.map((u) => u.name) },
    );
  }

  /** The engine's API version decides whether named volumes are pruned (see volumePrunePreview). */
  async apiVersion(): Promise<string> {
    const version = await this.docker().version();
    return version.ApiVersion;
  }

  async prunePreview(all = false): Promise<VolumePrunePreview> {
    const [df, users, api] = await Promise.all([this.dfVolumes(), this.users(), this.apiVersion()]);
    return volumePrunePreview(df, new Set(users.keys()), api, all);
  }

  async prune(all = false): Promise<VolumePruneResult> {
    const api = await this.apiVersion();
    // Engines before 1.42 prune named volumes anyway and refuse the `all` filter they do not know.
    const options = all && apiAtLeast(api, '1.42') ? { filters: JSON.stringify({ all: ['true'] }) } : {};
    const answer = (await this.docker().pruneVolumes(options)) as {
      VolumesDeleted?: string[] | null;
      SpaceReclaimed?: number;
    };
    return { removed: [...(answer.VolumesDeleted ?? [])].sort(), spaceReclaimed: answer.SpaceReclaimed ?? 0 };
  }
}
