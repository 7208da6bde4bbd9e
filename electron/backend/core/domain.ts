/**
 * A domain module: how one domain makes its services and binds its channels. backend/index.ts lists the domain
 * modules, one line each, and makes them in that order; a domain that needs another's service comes after it.
 * Each domain adds its services to `Services` by declaration merging
 * (`declare module '../core/domain' { interface Services { images: ImagesService } }`), so the composition root
 * does not name them one by one.
 */
import type { DesktopDialogs } from '../desktop/desktop.types';
import type { EngineConnection } from '../engine/engine.connection';
import type { Machine } from '../engine/engine.choices';
import type { SettingsStore } from '../settings/settings.store';
import type { DomainHandlers } from './dispatcher.types';
import type { PathGuard } from './paths';
import type { Transcript } from './transcript';

// Empty here on purpose: the domains fill it in.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Services {}

/** What every domain is given. */
export interface DomainContext {
  readonly engine: EngineConnection;
  readonly transcript: Transcript;
  readonly settings: SettingsStore;
  /** Native file dialogs: Electron main passes them, the browser bridge does not. */
  readonly dialogs: DesktopDialogs | null;
  /** A folder for caches that may be rebuilt (layer indexes); null: the domain picks the temporary folder. */
  readonly cacheDir: string | null;
  /** The environment, platform and home folder the engine is looked for in (contexts, sockets). */
  readonly machine: Machine;
  /** Which folders a channel that takes a path may open (core/paths.ts). */
  readonly paths: PathGuard;
  /** A service of a domain made earlier; asking for one made later is a mistake in index.ts's order, said at once. */
  readonly service: <K extends keyof Services>(name: K) => Services[K];
}

export interface Domain<D extends string> {
  /** The channel prefix it handles: `images` for `images:*`. */
  readonly name: D;
  make(context: DomainContext): { readonly services?: Partial<Services>; readonly handlers: DomainHandlers<D> };
}

export const defineDomain = <D extends string>(domain: Domain<D>): Domain<D> => domain;
