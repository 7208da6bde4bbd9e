import { describe, expect, it } from 'vitest';
import type { AppCommand } from '../../../shared/dto/app';
import { AppCommands } from './app-commands';

describe('AppCommands', () => {
  it('sends each command to every listener until it unsubscribes', () => {
    const commands = new AppCommands();
    const a: AppCommand[] = [];
    const b: AppCommand[] = [];
    const offA = commands.onCommand((c) => a.push(c));
    commands.onCommand((c) => b.push(c));
    commands.send({ kind: 'refresh' });
    offA();
    commands.send({ kind: 'search' });
    expect(a).toEqual([{ kind: 'refresh' }]);
    expect(b).toEqual([{ kind: 'refresh' }, { kind: 'search' }]);
  });

  it('keeps the last command sent while nobody listens for the first page that subscribes', () => {
    const commands = new AppCommands();
    commands.send({ kind: 'search' });
    commands.send({ kind: 'navigate', section: 'containers', id: 'abc', tab: 'logs' });
    const seen: AppCommand[] = [];
    commands.onCommand((c) => seen.push(c));
    commands.onCommand((c) => seen.push(c));
    expect(seen).toEqual([{ kind: 'navigate', section: 'containers', id: 'abc', tab: 'logs' }]);
  });
});
