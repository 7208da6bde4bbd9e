import * as text from '../../../shared/cli/networks.cli';
import { runBulk } from '../core/bulk';
import type { DomainHandlers } from '../core/dispatcher.types';
import type { Transcript } from '../core/transcript';
import type { NetworksService } from './networks.service';

export function networksHandlers(networks: NetworksService, transcript: Transcript): DomainHandlers<'networks'> {
  return {
    requests: {
      'networks:list': () => networks.list(),
      'networks:inspect': ({ id }) => networks.inspect(id),
      'networks:create': (spec) => transcript.run(text.createNetworkAction(spec), () => networks.create(spec)),
      'networks:remove': async ({ id }) =>
        transcript.run(text.removeNetworkAction(await networks.nameOf(id)), () => networks.remove(id)),
      'networks:bulkRemove': ({ ids }) =>
        runBulk(transcript, {
          ids,
          nameOf: (id) => networks.nameOf(id),
          describe: text.removeNetworksAction,
          work: (id) => networks.remove(id),
        }),
      'networks:connect': (spec) => transcript.run(text.connectAction(spec), () => networks.connect(spec)),
      'networks:disconnect': ({ network, container, force = false }) =>
        transcript.run(text.disconnectAction(network, container, force), () =>
          networks.disconnect(network, container, force),
        ),
      'networks:prunePreview': () => networks.prunePreview(),
      'networks:prune': () => transcript.run(text.pruneNetworksAction(), () => networks.prune()),
    },
    streams: {},
  };
}
