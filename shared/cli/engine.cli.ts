/** Docker CLI text for switching engines: a context by name, anything else as DOCKER_HOST. */
import type { EngineChoice } from '../dto/engine';
import type { EngineTlsFiles } from '../dto/settings';
import { dockerCommand, formatCommand, type ActionText } from './command';

export function switchEngineText(
  choice: Pick<EngineChoice, 'kind' | 'name' | 'address'> & { readonly tls?: EngineTlsFiles | undefined },
): ActionText {
  if (choice.tls) {
    // The CLI takes separate TLS files only as flags or in a context; a context keeps them for every command.
    const { ca, cert, key } = choice.tls;
    return {
      title: `Switch to ${choice.address} with TLS`,
      command: dockerCommand(
        'context',
        'create',
        'berth-tls',
        '--docker',
        `host=${choice.address},ca=${ca},cert=${cert},key=${key}`,
      ),
      api: 'GET /_ping (on the new engine, over TLS)',
    };
  }
  switch (choice.kind) {
    case 'context':
      return {
        title: `Switch to context ${choice.name}`,
        command: dockerCommand('context', 'use', choice.name),
        api: 'GET /_ping (on the new engine)',
      };
    case 'auto':
      return {
        title: 'Find the engine like the docker CLI',
        command: 'unset DOCKER_HOST',
        api: 'GET /_ping (on the new engine)',
      };
    case 'socket':
    case 'custom':
      return {
        title: `Switch to ${choice.address}`,
        command: formatCommand(['export', `DOCKER_HOST=${choice.address}`]),
        api: 'GET /_ping (on the new engine)',
      };
  }
}
