import { describe, expect, it } from 'vitest';
import {
  loadAction,
  pruneAction,
  pullAction,
  pushAction,
  removeImageAction,
  saveAction,
  splitTagTarget,
  tagAction,
  tarFilename,
} from './images.cli';

describe('image commands', () => {
  it('tag: the CLI form and the API split of repo and tag', () => {
    expect(tagAction('fx:1', '127.0.0.1:5000/fx:2')).toEqual({
      title: 'Tag image fx:1 as 127.0.0.1:5000/fx:2',
      command: 'docker tag fx:1 127.0.0.1:5000/fx:2',
      api: 'POST /images/fx%3A1/tag?repo=127.0.0.1%3A5000%2Ffx&tag=2',
    });
    expect(splitTagTarget('app')).toEqual({ repo: 'app', tag: 'latest' });
  });

  it('remove, with and without force', () => {
    expect(removeImageAction('fx:1', false).command).toBe('docker image rm fx:1');
    expect(removeImageAction('fx:1', true).command).toBe('docker image rm --force fx:1');
    expect(removeImageAction('fx:1', true).api).toBe('DELETE /images/fx%3A1?force=1');
  });

  it('prune, pull, push, save, load', () => {
    expect(pruneAction().command).toBe('docker image prune --force');
    expect(pullAction('busybox:1').command).toBe('docker pull busybox:1');
    expect(pushAction('127.0.0.1:5000/fx:1').command).toBe('docker push 127.0.0.1:5000/fx:1');
    expect(saveAction('fx:1', 'fx_1.tar').command).toBe('docker save --output fx_1.tar fx:1');
    expect(loadAction('my image.tar').command).toBe("docker load --input 'my image.tar'");
  });

  it('makes safe tar file names', () => {
    expect(tarFilename('127.0.0.1:5000/fx:1')).toBe('127.0.0.1_5000_fx_1.tar');
    expect(tarFilename('sha256:abc')).toBe('abc.tar');
  });
});
