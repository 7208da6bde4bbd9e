/** The settings form's draft and its check before saving. Pure. */
import { LOG_LINE_CAP, type Settings, type SettingsPatch, type Theme } from '../../../../shared/dto/settings';

/** What the inputs hold: text fields as typed. */
export interface SettingsDraft {
  readonly engineEndpoint: string;
  readonly theme: Theme;
  readonly logLineCap: string;
  readonly notifications: boolean;
  readonly closeToTray: boolean;
}

export const toDraft = (s: Settings): SettingsDraft => ({
  engineEndpoint: s.engineEndpoint ?? '',
  theme: s.theme,
  logLineCap: String(s.logLineCap),
  notifications: s.notifications,
  closeToTray: s.closeToTray,
});

export type DraftCheck =
  | { readonly ok: true; readonly patch: SettingsPatch }
  | { readonly ok: false; readonly field: 'logLineCap' | 'engineEndpoint'; readonly message: string };

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
  const next: Settings = {
    engineEndpoint: endpoint === '' ? null : endpoint,
    engineContext: saved.engineContext,
    theme: draft.theme,
    logLineCap: cap,
    notifications: draft.notifications,
    closeToTray: draft.closeToTray,
  };
  const patch = Object.fromEntries(
    (Object.keys(next) as (keyof Settings)[]).filter((k) => next[k] !== saved[k]).map((k) => [k, next[k]]),
  ) as SettingsPatch;
  return { ok: true, patch };
}
