/** A RunSpec (from a pasted `docker run`, or a container's own settings) as the run form's text fields. Pure. */
import { quoteArg } from '../../../../shared/cli/command';
import { memoryArg, portArg } from '../../../../shared/cli/containers.cli';
import type { RunSpec } from '../../../../shared/dto/containers';
import { emptyRunForm, type RunForm } from './run-form';

export function formFromSpec(spec: RunSpec): RunForm {
  return {
    ...emptyRunForm(spec.image),
    name: spec.name ?? '',
    command: (spec.command ?? []).map(quoteArg).join(' '),
    entrypoint: spec.entrypoint ?? '',
    env: spec.env.join('\n'),
    ports: spec.ports.map(portArg).join('\n'),
    mounts: spec.mounts.map((m) => `${m.source}:${m.target}${m.readOnly ? ':ro' : ''}`).join('\n'),
    restart: spec.restart,
    maxRetries: spec.maxRetries === undefined ? '' : String(spec.maxRetries),
    autoRemove: spec.autoRemove,
    interactive: spec.interactive,
    tty: spec.tty,
    workingDir: spec.workingDir ?? '',
    user: spec.user ?? '',
    labels: Object.entries(spec.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
    network: spec.network ?? '',
    networkAliases: (spec.networkAliases ?? []).join(' '),
    cpus: spec.cpus === undefined ? '' : String(spec.cpus),
    memory: spec.memory === undefined ? '' : memoryArg(spec.memory),
  };
}
