/**
 * The tray icon, kept thin: it gathers state (engine status, containers, when each stopped), rebuilds the menu
 * with buildTrayMenu on engine events, and performs the chosen action. Container actions go through the
 * dispatcher like the window's, so they are validated and appear in the session transcript.
 */
import path from 'node:path';
import { Menu, nativeImage, Tray } from 'electron';
import type { EngineChoice, EngineEvent, EngineStatus, EngineUseAnswer } from '../../../shared/dto/engine';
import type { ContainerSummary } from '../../../shared/dto/lists';
import type { Result } from '../../../shared/result';
import type { Backend } from '../../backend';
import { buildTrayMenu, trayIconName, trayTooltip, type TrayAction, type TrayItem } from './tray.menu';
import { trayTemplate } from './tray.template';

/** Engine events come in bursts (compose up); one list fetch per burst. */
const REFRESH_DELAY_MS = 250;

export interface TrayOptions {
  readonly backend: Backend;
  readonly iconDir: string;
  readonly platform: NodeJS.Platform;
  /** Show, open logs, show the containers list, quit: things the window or the app does. */
  readonly onAction: (action: TrayAction) => void;
  readonly warn: (message: string) => void;
}

export interface BerthTray {
  /** The menu as last built, for tests that look at it through the main process. */
  items(): readonly TrayItem[];
  dispose(): void;
}

export function startTray({ backend, iconDir, platform, onAction, warn }: TrayOptions): BerthTray {
  const { engine, dispatcher } = backend;
  let engineStatus: EngineStatus | null = engine.status();
  let containers: readonly ContainerSummary[] = [];
  let engines: readonly EngineChoice[] = [];
  const stoppedAt = new Map<string, number>();
  let items: readonly TrayItem[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let iconName = '';

  const tray = new Tray(nativeImage.createFromPath(path.join(iconDir, `${trayIconName(engineStatus, platform)}.png`)));

  const perform = (action: TrayAction): void => {
    const container = (channel: string, verb: string, id: string, name: string) =>
      void dispatcher.request(channel, { id }).then((result) => {
        if (!result.ok) warn(`Could not ${verb} ${name}: ${result.error.message}`);
      });
    switch (action.kind) {
      case 'stop':
        return container('containers:stop', 'stop', action.id, action.name);
      case 'restart':
        return container('containers:restart', 'restart', action.id, action.name);
      case 'start':
        return container('containers:start', 'start', action.id, action.name);
      case 'project-start':
      case 'project-stop': {
        const verb = action.kind === 'project-start' ? 'start' : 'stop';
        return void dispatcher.request(`projects:${verb}`, { name: action.name }).then((result) => {
          if (!result.ok) warn(`Could not ${verb} project ${action.name}: ${result.error.message}`);
        });
      }
      case 'engine':
        // The same engine:use as Settings: main asks with its native dialog when the choice needs a yes.
        return void dispatcher.request('engine:use', { id: action.id }).then((result) => {
          const answer = result.ok ? (result.value as EngineUseAnswer) : null;
          if (!result.ok && result.error.code !== 'CANCELLED') {
            warn(`Could not switch to ${action.name}: ${result.error.message}`);
          } else if (answer?.state === 'confirm') {
            warn(`Switching to ${action.name} needs a yes first: choose it in Settings.`);
            onAction({ kind: 'show' });
          }
          void refresh();
        });
      case 'retry':
        return void engine.retry();
      case 'show':
      case 'containers':
      case 'logs':
      case 'project-open':
      case 'quit':
        return onAction(action);
      default:
        return assertNever(action);
    }
  };

  const render = () => {
    const state = { engine: engineStatus, containers, stoppedAt, engines };
    items = buildTrayMenu(state);
    tray.setContextMenu(Menu.buildFromTemplate(trayTemplate(items, perform)));
    tray.setToolTip(trayTooltip(state));
    const nextIcon = trayIconName(engineStatus, platform);
    if (nextIcon !== iconName) {
      iconName = nextIcon;
      tray.setImage(nativeImage.createFromPath(path.join(iconDir, `${nextIcon}.png`)));
    }
  };

  const refresh = async () => {
    if (engineStatus?.state === 'connected') {
      const result = (await dispatcher.request('containers:list', { all: true })) as Result<ContainerSummary[]>;
      containers = result.ok ? result.value : [];
    } else {
      containers = [];
    }
    const choices = (await dispatcher.request('engine:choices', undefined)) as Result<readonly EngineChoice[]>;
    engines = choices.ok ? choices.value : [];
    render();
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
  };

  const offStatus = engine.onStatus((status) => {
    engineStatus = status;
    schedule();
  });
  const offEvents = engine.onEvent((event: EngineEvent) => {
    if (event.scope !== 'container') return;
    if (event.action === 'die') stoppedAt.set(event.id, event.time);
    if (event.action === 'destroy') stoppedAt.delete(event.id);
    schedule();
  });
  // Left-click shows the window on Windows and Linux; macOS opens the menu on any click.
  if (platform !== 'darwin') tray.on('click', () => onAction({ kind: 'show' }));
  render();
  void refresh();

  return {
    items: () => items,
    dispose() {
      clearTimeout(timer);
      offStatus();
      offEvents();
      tray.destroy();
    },
  };
}

function assertNever(value: never): never {
  throw new Error(`Unexpected tray action: ${JSON.stringify(value)}`);
}
