/** The docker command and Engine API call for each category's prune on the disk usage page. */
import { dockerCommand, type ActionText } from './command';
import type { DiskCategory } from '../dto/disk';

export function pruneCategoryAction(category: DiskCategory, all: boolean): ActionText {
  switch (category) {
    case 'images':
      return all
        ? {
            title: 'Remove every image no container uses',
            command: dockerCommand('image', 'prune', '--all', '--force'),
            api: 'POST /images/prune?filters={"dangling":["false"]}',
          }
        : {
            title: 'Remove dangling images',
            command: dockerCommand('image', 'prune', '--force'),
            api: 'POST /images/prune?filters={"dangling":["true"]}',
          };
    case 'containers':
      return {
        title: 'Remove stopped containers',
        command: dockerCommand('container', 'prune', '--force'),
        api: 'POST /containers/prune',
      };
    case 'volumes':
      return {
        title: all ? 'Remove every unused volume' : 'Remove unused volumes',
        command: dockerCommand('volume', 'prune', '--force', ...(all ? ['--all'] : [])),
        api: `POST /volumes/prune${all ? '?filters={"all":["true"]}' : ''}`,
      };
    case 'buildCache':
      return {
        title: all ? 'Remove all unused build cache' : 'Remove dangling build cache',
        command: dockerCommand('builder', 'prune', '--force', ...(all ? ['--all'] : [])),
        api: `POST /build/prune${all ? '?all=true' : ''}`,
      };
  }
}
