import type { ContainersService } from '../docker/containers.service';
import type { DomainHandlers } from '../ipc/dispatcher';
import type { Transcript } from '../transcript';

export function containersHandlers(
  containers: ContainersService,
  _transcript: Transcript,
): DomainHandlers<'containers'> {
  return {
    requests: {
      'containers:list': (input) => containers.list({ all: input?.all ?? false }),
    },
    streams: {},
  };
}
