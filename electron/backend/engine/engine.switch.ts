/**
 * Switching engines, with main in charge of what needs a yes first. A choice Berth found itself (a Docker context,
 * a socket on this machine, automatic) is switched to at once. An address that comes from the window (typed in
 * Settings) is never taken on the window's word alone: in the desktop app main asks with a native dialog; in the
 * browser mode main answers with a one-time token and the risk in words, and only the same address sent back with
 * that token goes ahead. Plain tcp:// to another host always needs that yes, with a warning that it is unencrypted.
 */
import { randomBytes } from 'node:crypto';
import type { EngineChoice, EngineUseAnswer } from '../../../shared/dto/engine';
import type { EngineTlsFiles, Settings } from '../../../shared/dto/settings';
import { BerthFailure } from '../../../shared/result';
import type { SettingsStore } from '../settings/settings.store';
import { engineChoices, isPlainRemoteTcp, resolveFor, type Machine } from './engine.choices';
import type { TlsCheck } from './engine.tls';

export interface EngineUseInput {
  readonly id?: string | undefined;
  readonly address?: string | undefined;
  /** With a tcp:// address: the CA, client certificate and key to reach it with. */
  readonly tls?: EngineTlsFiles | undefined;
  readonly token?: string | undefined;
}

export interface ConfirmQuestion {
  readonly address: string;
  readonly message: string;
}

/** The desktop shell's native yes/no; resolves true only when the user agreed. */
export type ConfirmEngine = (question: ConfirmQuestion) => Promise<boolean>;

const TOKEN_TTL_MS = 2 * 60 * 1000;
const MAX_TOKENS = 16;

export function riskMessage(address: string, unencrypted: boolean): string {
  const root = `Berth will send every request to ${address}. Whoever runs that engine can see and change what Berth does, and the engine is root on its host.`;
  return unencrypted
    ? `${root} The traffic is unencrypted: anyone on the network between here and that host can read and change it, and the engine is root on that host. Use tcp:// with TLS certificates or ssh:// instead when you can.`
    : root;
}

interface Pending {
  readonly key: string;
  readonly expires: number;
}

export class EngineSwitch {
  private readonly tokens = new Map<string, Pending>();

  constructor(
    private readonly machine: Machine,
    private readonly settings: SettingsStore,
    private readonly confirm: ConfirmEngine | null,
    private readonly now: () => number = Date.now,
    /** Checks TLS files before they are saved (path guard, readable PEM, key matching certificate). */
    private readonly checkTls: TlsCheck | null = null,
  ) {}

  choices(): readonly EngineChoice[] {
    return engineChoices(this.machine, this.settings.get());
  }

  /** Switches to a listed choice (id) or a new address; may answer with a question to confirm first. */
  async use(input: EngineUseInput): Promise<EngineUseAnswer> {
    const { key, patch, address, needsYes, unencrypted } = this.plan(input);
    if (patch.engineTls !== null && input.tls !== undefined) {
      if (this.checkTls === null) throw new BerthFailure('INVALID_INPUT', 'This Berth cannot take TLS files.');
      await this.checkTls(patch.engineTls);
    }
    if (needsYes) {
      const message = riskMessage(address, unencrypted);
      if (this.confirm) {
        if (!(await this.confirm({ address, message }))) {
          throw new BerthFailure('CANCELLED', `Berth did not switch to ${address}: it was not confirmed.`);
        }
      } else if (!this.redeem(input.token, key)) {
        return { state: 'confirm', token: this.issue(key), address, message };
      }
    }
    await this.settings.update(patch);
    return { state: 'switched', id: this.choices().find((c) => c.active)?.id ?? 'custom' };
  }

  private plan(input: EngineUseInput): {
    key: string;
    patch: Pick<Settings, 'engineEndpoint' | 'engineContext' | 'engineTls'>;
    address: string;
    needsYes: boolean;
    unencrypted: boolean;
  } {
    if ((input.id === undefined) === (input.address === undefined)) {
      throw new BerthFailure('INVALID_INPUT', 'Choose one engine: a listed one or an address.');
    }
    if (input.address !== undefined) {
      const address = input.address.trim();
      const patch = { engineEndpoint: address, engineContext: null, engineTls: input.tls ?? null };
      const resolution = resolveFor(this.machine, patch);
      if (!resolution.ok) throw new BerthFailure('INVALID_INPUT', resolution.message);
      const candidate = resolution.candidates[0];
      const unencrypted = isPlainRemoteTcp(candidate.endpoint.address, candidate.tls !== undefined);
      // The address of a socket Berth found itself needs no yes, however it was sent.
      const found = this.choices().some((c) => c.kind === 'socket' && c.address === candidate.endpoint.address);
      const key = `address:${address}:${JSON.stringify(patch.engineTls)}`;
      return { key, patch, address, needsYes: !found || unencrypted, unencrypted };
    }
    const id = input.id ?? '';
    const choice = this.choices().find((c) => c.id === id);
    if (choice === undefined) throw new BerthFailure('NOT_FOUND', `There is no engine "${id}" to switch to any more.`);
    if (choice.error !== undefined) throw new BerthFailure('INVALID_INPUT', choice.error);
    const current = this.settings.get();
    const patch =
      choice.kind === 'auto'
        ? { engineEndpoint: null, engineContext: null, engineTls: null }
        : choice.kind === 'context'
          ? { engineEndpoint: null, engineContext: choice.name, engineTls: null }
          : choice.kind === 'socket'
            ? { engineEndpoint: choice.address, engineContext: null, engineTls: null }
            : { engineEndpoint: current.engineEndpoint, engineContext: null, engineTls: current.engineTls };
    const resolution = resolveFor(this.machine, patch);
    const unencrypted =
      resolution.ok &&
      resolution.candidates.length === 1 &&
      isPlainRemoteTcp(resolution.candidates[0].endpoint.address, resolution.candidates[0].tls !== undefined);
    return { key: `id:${id}:${choice.address}`, patch, address: choice.address, needsYes: unencrypted, unencrypted };
  }

  private issue(key: string): string {
    const now = this.now();
    for (const [token, pending] of this.tokens) if (pending.expires <= now) this.tokens.delete(token);
    // Bounded: the oldest question is forgotten first.
    while (this.tokens.size >= MAX_TOKENS) {
      const oldest = this.tokens.keys().next().value;
      if (oldest === undefined) break;
      this.tokens.delete(oldest);
    }
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { key, expires: now + TOKEN_TTL_MS });
    return token;
  }

  /** One-time: a token is gone once used, and only counts for the exact choice it was issued for. */
  private redeem(token: string | undefined, key: string): boolean {
    if (token === undefined) return false;
    const pending = this.tokens.get(token);
    if (pending === undefined) return false;
    this.tokens.delete(token);
    return pending.key === key && pending.expires > this.now();
  }
}
