/**
 * Components reach the API only through slice actions (lint bans window.berth outside app/main.tsx and platform/):
 * each action used in place of the old API handles in state sends its channel, and the store keeps no API object.
 */
import { describe, expect, it } from 'vitest';
import { buildBerthApi } from '../../../shared/api';
import { ok } from '../../../shared/result';
import { LogBuffer } from '../features/logs/log-buffer';
import { createBerthStore } from './store';

function recording() {
  const sent: { channel: string; input: unknown }[] = [];
  const api = buildBerthApi({
    request: (channel, input) => {
      sent.push({ channel, input });
      return Promise.resolve(ok(null));
    },
    subscribe: (channel, input) => {
      sent.push({ channel, input });
      return () => undefined;
    },
  });
  return { api, sent };
}

describe('API access through slice actions', () => {
  it('sends each action to its channel', async () => {
    const { api, sent } = recording();
    const s = createBerthStore(api).getState();
    await s.startContainer({ id: 'c1' });
    await s.stopContainer({ id: 'c1', timeout: 3 });
    await s.containerChanges({ id: 'c1' });
    s.watchContainerStats({ ids: ['c1'] }, () => undefined);
    await s.runTourStep({ step: 'build' });
    await s.cleanUpTour();
    await s.saveLogToFile({ containers: ['c1'] });
    await s.logDownloadTicket({ containers: ['c1'] });
    s.watchAppCommands(undefined, () => undefined);
    s.openLogSource(new LogBuffer(10), ['c1']).start();
    expect(sent.map((m) => m.channel)).toEqual([
      'containers:start',
      'containers:stop',
      'containers:changes',
      'containers:stats',
      'tour:run',
      'tour:cleanup',
      'desktop:saveLog',
      'logs:saveTicket',
      'app:commands',
      'logs:follow',
    ]);
    expect(sent[1]?.input).toEqual({ id: 'c1', timeout: 3 });
  });

  it('keeps no API object in the state', () => {
    const { api } = recording();
    const state = createBerthStore(api).getState() as unknown as Record<string, unknown>;
    const domains = new Set<unknown>(Object.values(api));
    expect(Object.values(state).filter((value) => value === api || domains.has(value))).toEqual([]);
  });
});
