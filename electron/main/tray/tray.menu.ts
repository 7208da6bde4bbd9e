/**
 * The tray menu as data, built from state by a pure function: the engine's state, running containers (Stop,
 * Restart, Open logs), recently stopped ones (Start), the engines to switch to, Show Berth and Quit. tray.ts turns
 * it into an Electron Menu.
 */
import type { EngineChoice, EngineStatus } from '../../../shared/dto/engine';
import type { ContainerSummary } from '../../../shared/dto/lists';
import { projectActions, projectLabel, projectOf, trayProjects, type ProjectTrayAction } from './tray.projects';

export type TrayAction =
  | { readonly kind: 'stop' | 'restart' | 'start' | 'logs'; readonly id: string; readonly name: string }
  | { readonly kind: 'show' | 'containers' | 'retry' | 'quit' }
  /** Switch to a listed engine (an EngineChoice id), through the same engine:use as Settings. */
  | { readonly kind: 'engine'; readonly id: string; readonly name: string }
  | ProjectTrayAction;

export type TrayItem =
  | { readonly type: 'label'; readonly label: string }
  | { readonly type: 'action'; readonly label: string; readonly action: TrayAction }
  | { readonly type: 'submenu'; readonly label: string; readonly items: readonly TrayItem[] }
  /** One of a group, the chosen one checked (Electron's radio item). */
  | {
      readonly type: 'radio';
      readonly label: string;
      readonly checked: boolean;
      readonly enabled: boolean;
      readonly action: TrayAction;
    }
  | { readonly type: 'separator' };

export interface TrayState {
  /** null until the first status arrives. */
  readonly engine: EngineStatus | null;
  /** Every container the engine reported last (`docker ps -a`). */
  readonly containers: readonly ContainerSummary[];
  /** Epoch ms at which Berth saw each container stop, from engine events; newest first in the menu. */
  readonly stoppedAt: ReadonlyMap<string, number>;
  /** The engines Berth can switch to (engine:choices); the menu offers them when there is more than one. */
  readonly engines?: readonly EngineChoice[];
}

/** A tray menu longer than this scrolls off the screen on a laptop; the rest is one click away in the window. */
export const MAX_RUNNING = 15;
export const MAX_STOPPED = 5;
export const MAX_LABEL = 40;

/** Shortens in the middle: compose names differ at both ends (project-web-1, project-worker-1). */
export function shorten(text: string, max = MAX_LABEL): string {
  if (text.length <= max) return text;
  const keep = max - 1;
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`;
}

/** The image as a person reads it: no digest, no registry noise beyond the name. */
export function imageLabel(image: string): string {
  const withoutDigest = image.split('@')[0] ?? image;
  if (/^sha256:[0-9a-f]{64}$/.test(withoutDigest)) return withoutDigest.slice(7, 19);
  return shorten(withoutDigest, 32);
}

export function engineLabel(engine: EngineStatus | null): string {
  if (engine === null) return 'Docker Engine: connecting…';
  switch (engine.state) {
    case 'connecting':
      return 'Docker Engine: connecting…';
    case 'connected': {
      const name = engine.engine.flavor === 'podman' ? 'Podman' : 'Docker Engine';
      return `${name} ${engine.engine.version}: running`;
    }
    case 'unreachable':
      return 'Docker Engine: unreachable';
    default:
      return assertNever(engine);
  }
}

const isUp = (c: ContainerSummary) => c.state === 'running' || c.state === 'restarting' || c.state === 'paused';

function runningItem(c: ContainerSummary): TrayItem {
  const target = { id: c.id, name: c.name };
  return {
    type: 'submenu',
    label: `${shorten(c.name)} — ${imageLabel(c.image)}${c.state === 'paused' ? ' (paused)' : ''}`,
    items: [
      { type: 'action', label: 'Stop', action: { kind: 'stop', ...target } },
      { type: 'action', label: 'Restart', action: { kind: 'restart', ...target } },
      { type: 'action', label: 'Open logs', action: { kind: 'logs', ...target } },
    ],
  };
}

function stoppedItem(c: ContainerSummary): TrayItem {
  const target = { id: c.id, name: c.name };
  return {
    type: 'submenu',
    label: `${shorten(c.name)} — ${imageLabel(c.image)}`,
    items: [
      { type: 'action', label: 'Start', action: { kind: 'start', ...target } },
      { type: 'action', label: 'Open logs', action: { kind: 'logs', ...target } },
    ],
  };
}

/** Stopped containers, the ones Berth saw stop first (newest first), then the newest created. */
export function recentlyStopped(state: TrayState, max = MAX_STOPPED): readonly ContainerSummary[] {
  const stopped = state.containers.filter((c) => c.state === 'exited' || c.state === 'created' || c.state === 'dead');
  const seen = (c: ContainerSummary) => state.stoppedAt.get(c.id) ?? -Infinity;
  return [...stopped].sort((a, b) => seen(b) - seen(a) || b.created - a.created).slice(0, max);
}

/** "desktop-linux — unix:///…/docker.sock", the current one checked; a broken context says so and cannot be chosen. */
export function engineItems(engines: readonly EngineChoice[]): TrayItem[] {
  return engines.map((e): TrayItem => {
    const place = e.kind === 'auto' ? e.description : e.address;
    return {
      type: 'radio',
      label: `${shorten(e.name, 32)} — ${e.error === undefined ? shorten(place, 48) : 'cannot be used'}`,
      checked: e.active,
      enabled: e.error === undefined,
      action: { kind: 'engine', id: e.id, name: e.name },
    };
  });
}

export function buildTrayMenu(state: TrayState): readonly TrayItem[] {
  const items: TrayItem[] = [{ type: 'label', label: engineLabel(state.engine) }];
  const engine = state.engine;
  if (engine?.state === 'unreachable') {
    items.push({ type: 'label', label: shorten(engine.message, 60) });
    items.push({ type: 'action', label: 'Try again', action: { kind: 'retry' } });
  } else if (engine?.state === 'connected') {
    // A compose project is one entry; its containers are not listed one by one.
    const projects = trayProjects(state.containers);
    if (projects.length > 0) {
      items.push({ type: 'separator' }, { type: 'label', label: `Compose projects (${projects.length})` });
      for (const p of projects.slice(0, MAX_RUNNING)) {
        items.push({
          type: 'submenu',
          label: projectLabel(p, (t) => shorten(t)),
          items: projectActions(p).map(({ label, action }) => ({ type: 'action', label, action })),
        });
      }
    }
    const loose = { ...state, containers: state.containers.filter((c) => projectOf(c) === undefined) };
    const running = loose.containers.filter(isUp).sort((a, b) => a.name.localeCompare(b.name));
    items.push({ type: 'separator' });
    if (running.length === 0) items.push({ type: 'label', label: 'No running containers' });
    else items.push({ type: 'label', label: `Running (${running.length})` });
    items.push(...running.slice(0, MAX_RUNNING).map(runningItem));
    if (running.length > MAX_RUNNING) {
      items.push({
        type: 'action',
        label: `More… (${running.length - MAX_RUNNING} more in Berth)`,
        action: { kind: 'containers' },
      });
    }
    const stopped = recentlyStopped(loose);
    if (stopped.length > 0) {
      items.push({ type: 'separator' }, { type: 'label', label: 'Recently stopped' });
      items.push(...stopped.map(stoppedItem));
    }
  }
  const engines = state.engines ?? [];
  if (engines.length > 1) {
    items.push({ type: 'separator' }, { type: 'submenu', label: 'Switch engine', items: engineItems(engines) });
  }
  items.push(
    { type: 'separator' },
    { type: 'action', label: 'Show Berth', action: { kind: 'show' } },
    { type: 'action', label: 'Quit', action: { kind: 'quit' } },
  );
  return items;
}

export function trayTooltip(state: TrayState): string {
  if (state.engine?.state !== 'connected') return `Berth — ${engineLabel(state.engine).replace(/^[^:]*: /, 'engine ')}`;
  const running = state.containers.filter(isUp).length;
  return `Berth — ${running} running container${running === 1 ? '' : 's'}`;
}

export type TrayIconName = 'trayTemplate' | 'tray' | 'tray-unreachable' | 'tray-unreachableTemplate';

/** macOS wants a black template image it can recolour; elsewhere a coloured one. Unreachable has its own look. */
export function trayIconName(engine: EngineStatus | null, platform: NodeJS.Platform): TrayIconName {
  const down = engine?.state === 'unreachable';
  if (platform === 'darwin') return down ? 'tray-unreachableTemplate' : 'trayTemplate';
  return down ? 'tray-unreachable' : 'tray';
}

function assertNever(value: never): never {
  throw new Error(`Unexpected engine state: ${JSON.stringify(value)}`);
}
