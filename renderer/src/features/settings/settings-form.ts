/** The settings form's draft and its check before saving. Pure. */
import {
  LOG_LINE_CAP,
  type EngineTlsFiles,
  type Settings,
  type SettingsPatch,
  type Theme,
} from '../../../../shared/dto/settings';

/** What the inputs hold: text fields as typed. */
export interface SettingsDraft {
  readonly engineEndpoint: string;
  /** TLS files for a tcp:// address: paths as typed, all three or none. */
  readonly tlsCa: string;
  readonly tlsCert: string;
  readonly tlsKey: string;
  readonly theme: Theme;
  readonly logLineCap: string;
  readonly notifications: boolean;
  readonly closeToTray: boolean;
}

export const toDraft = (s: Settings): SettingsDraft => ({
  engineEndpoint: s.engineEndpoint ?? '',
  tlsCa: s.engineTls?.ca ?? '',
  tlsCert: s.engineTls?.cert ?? '',
  tlsKey: s.engineTls?.key ?? '',
  theme: s.theme,
  logLineCap: String(s.logLineCap),
  notifications: s.notifications,
  closeToTray: s.closeToTray,
});

export type DraftCheck =
  | { readonly ok: true; readonly patch: SettingsPatch }
  | {
      readonly ok: false;
      readonly field: 'logLineCap' | 'engineEndpoint' | 'engineTls';
      readonly message: string;
    };

const ABSOLUTE = /^(\/|[A-Za-z]:[\\/])/;

/** The TLS files of a tcp:// address: null when none are typed; all three must be absolute paths. */
function tlsOf(draft: SettingsDraft, endpoint: string): EngineTlsFiles | null | string {
  if (!endpoint.startsWith('tcp://')) return null;
  const files = { ca: draft.tlsCa.trim(), cert: draft.tlsCert.trim(), key: draft.tlsKey.trim() };
  const typed = Object.values(files).filter((f) => f !== '').length;
  if (typed === 0) return null;
  if (typed < 3) return 'Give all three TLS files (CA certificate, client certificate and key), or none for plain tcp.';
  if (!Object.values(files).every((f) => ABSOLUTE.test(f))) {
    return 'TLS file paths must be absolute, like /home/me/certs/ca.pem.';
  }
  return files;
}

/** The changed settings, or what to fix first. The main process checks again; this only says it sooner. */
export function checkDraft(draft: SettingsDraft, saved: Settings): DraftCheck {
  const cap = Number(draft.logLineCap.replace(/[\s,_]/g, ''));
  if (!Number.isInteger(cap) || cap < LOG_LINE_CAP.min || cap > LOG_LINE_CAP.max) {
    return {
      ok: false,
      field: 'logLineCap',
      message: `Enter a whole number of lines from ${LOG_LINE_CAP.min.toLocaleString('en')} to ${LOG_LINE_CAP.max.toLocaleString('en')}.`,
    };
  }
  const endpoint = draft.engineEndpoint.trim();
  if (endpoint !== '' && !/^(unix|tcp|npipe|ssh):\/\/\S+$/.test(endpoint)) {
    return {
      ok: false,
      field: 'engineEndpoint',
      message: 'An engine address starts with unix://, tcp://, ssh:// or npipe://, e.g. unix:///var/run/docker.sock.',
    };
  }
  const engineTls = tlsOf(draft, endpoint);
  if (typeof engineTls === 'string') return { ok: false, field: 'engineTls', message: engineTls };
  const next: Settings = {
    engineEndpoint: endpoint === '' ? null : endpoint,
    engineContext: saved.engineContext,
    engineTls: endpoint === '' ? saved.engineTls : engineTls,
    theme: draft.theme,
    logLineCap: cap,
    notifications: draft.notifications,
    closeToTray: draft.closeToTray,
  };
  const patch = Object.fromEntries(
    (Object.keys(next) as (keyof Settings)[])
      .filter((k) => JSON.stringify(next[k]) !== JSON.stringify(saved[k]))
      .map((k) => [k, next[k]]),
  ) as SettingsPatch;
  return { ok: true, patch };
}
