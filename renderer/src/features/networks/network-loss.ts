/** What removing each selected network takes away, for the one confirmation of a bulk remove. Pure. */
import type { NetworkSummary } from '../../../../shared/dto/networks';
import { listInWords } from '../../../../shared/words';
import type { LossLine } from '../../ui/BulkRemove';

export function networkLoss(ids: readonly string[], networks: readonly NetworkSummary[]): LossLine[] {
  const byId = new Map(networks.map((n) => [n.id, n]));
  return ids.map((id) => {
    const network = byId.get(id);
    if (!network) return { key: id, name: id, loss: 'no longer listed; the engine decides' };
    const subnets = network.subnets.map((s) => s.subnet).join(', ');
    const running = network.containers.filter((c) => c.state === 'running');
    const stopped = network.containers.filter((c) => c.state !== 'running');
    const loss = [
      `the ${network.driver} network${subnets ? ` and its subnet ${subnets}` : ''}`,
      ...(stopped.length > 0 ? [`${listInWords(stopped.map((c) => c.name))} will not rejoin it when started`] : []),
    ].join('; ');
    const line: LossLine = { key: id, name: network.name, loss };
    if (network.predefined)
      return { ...line, refused: "it is one of the engine's own networks (bridge, host, none); it cannot be removed." };
    if (running.length > 0)
      return {
        ...line,
        refused: `running ${running.length === 1 ? 'container' : 'containers'} ${listInWords(running.map((c) => c.name))} ${running.length === 1 ? 'is' : 'are'} on it; disconnect or stop ${running.length === 1 ? 'it' : 'them'} first.`,
      };
    return line;
  });
}
