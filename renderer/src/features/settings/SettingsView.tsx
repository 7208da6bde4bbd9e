import { useState, type FormEvent } from 'react';
import { LOG_LINE_CAP, THEMES, type Settings, type Theme } from '../../../../shared/dto/settings';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FormField } from '../../ui/FormField';
import { SectionHeader } from '../../ui/SectionHeader';
import { useBerth } from '../../app/store';
import { checkDraft, toDraft, type SettingsDraft } from './settings-form';
import { EnginesTable } from './EnginesTable';
import { useEngineSwitch } from './EngineSwitch';
import { useNativeDialogs } from '../desktop/use-native-dialogs';
import './settings.css';

const THEME_LABELS: Readonly<Record<Theme, string>> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };

const isUnchanged = (draft: SettingsDraft, base: Settings) => {
  const check = checkDraft(draft, base);
  return check.ok && Object.keys(check.patch).length === 0;
};

type Feedback = { readonly tone: 'ok' | 'error'; readonly text: string; readonly field?: string } | null;

export function SettingsView() {
  const settings = useBerth((s) => s.settings);
  const loaded = useBerth((s) => s.settingsLoaded);
  const saveSettings = useBerth((s) => s.saveSettings);
  const [form, setForm] = useState<{ base: Settings; draft: SettingsDraft }>(() => ({
    base: settings,
    draft: toDraft(settings),
  }));
  const [saving, setSaving] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const addressSwitch = useEngineSwitch();

  const check = checkDraft(form.draft, settings);
  const dirty = !check.ok || Object.keys(check.patch).length > 0;
  // Settings changed elsewhere (another page, the desktop shell): show them, unless the user is editing here.
  if (form.base !== settings && (!dirty || isUnchanged(form.draft, form.base))) {
    setForm({ base: settings, draft: toDraft(settings) });
  }

  const edit = (patch: Partial<SettingsDraft>) => {
    setForm((f) => ({ ...f, draft: { ...f.draft, ...patch } }));
    setFeedback(null);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check.ok) {
      setFeedback({ tone: 'error', text: check.message, field: check.field });
      return;
    }
    // A new engine address is main's to confirm: it goes through engine:use, the rest is saved as usual.
    // TLS files go with their address the same way, so main checks them (path guard, PEM, matching key) first.
    const { engineEndpoint, engineTls, ...rest } = check.patch;
    const address = engineEndpoint ?? settings.engineEndpoint;
    const switching = typeof engineEndpoint === 'string' || (engineTls !== undefined && address !== null);
    const patch = switching ? rest : check.patch;
    if (switching && address !== null) {
      const tls = (engineTls !== undefined ? engineTls : settings.engineTls) ?? undefined;
      const shown = { kind: 'custom', name: 'Custom address', address, tls } as const;
      void addressSwitch.start({ address, ...(tls ? { tls } : {}) }, shown);
    }
    if (Object.keys(patch).length === 0) return;
    setSaving(true);
    const error = await saveSettings(patch);
    setSaving(false);
    setFeedback(error ? { tone: 'error', text: error.message } : { tone: 'ok', text: 'Settings saved.' });
  };

  const errorFor = (field: string) => (feedback?.tone === 'error' && feedback.field === field ? feedback.text : null);
  const capError = errorFor('logLineCap');
  const endpointError = errorFor('engineEndpoint');
  const tlsError = errorFor('engineTls');
  const tcp = form.draft.engineEndpoint.trim().startsWith('tcp://');
  const pickTlsFile = useBerth((s) => s.pickTlsFile);
  const native = useNativeDialogs();
  const [pickError, setPickError] = useState<string | null>(null);
  const PICK = { tlsCa: 'ca', tlsCert: 'cert', tlsKey: 'key' } as const;
  const pick = async (key: 'tlsCa' | 'tlsCert' | 'tlsKey') => {
    const picked = await pickTlsFile(PICK[key]);
    setPickError(picked.ok ? null : picked.error.message);
    if (picked.ok && picked.value !== null) edit({ [key]: picked.value });
  };
  const tlsField = (key: 'tlsCa' | 'tlsCert' | 'tlsKey', label: string, example: string) => (
    <>
      <FormField
        id={`settings-${key}`}
        label={label}
        error={key === 'tlsCa' ? tlsError : null}
        className="input settings-input mono"
        type="text"
        spellCheck={false}
        autoComplete="off"
        placeholder={example}
        // The desktop app takes only files chosen in its own dialog.
        readOnly={native}
        value={form.draft[key]}
        onChange={(e) => edit({ [key]: e.target.value })}
      />
      {native && (
        <button type="button" className="button" onClick={() => void pick(key)}>
          Choose {label}…
        </button>
      )}
    </>
  );

  return (
    <>
      <SectionHeader title="Settings" detail="Saved on this computer and used by the next start too" />
      <main className="content">
        <form
          className="card settings-form"
          aria-label="Settings"
          aria-busy={!loaded}
          onSubmit={(e) => void onSubmit(e)}
        >
          <fieldset>
            <legend>Engine</legend>
            <EnginesTable />
            <FormField
              id="settings-endpoint"
              label="Engine address"
              hint="Or type an address (unix://, tcp://, ssh://user@host). Berth asks you to confirm a new address, then reconnects. Leave it empty to find the engine the way the docker CLI does."
              hintClassName="settings-help"
              error={endpointError}
              className="input settings-input mono"
              type="text"
              spellCheck={false}
              autoComplete="off"
              placeholder="unix:///var/run/docker.sock"
              value={form.draft.engineEndpoint}
              onChange={(e) => edit({ engineEndpoint: e.target.value })}
            />
            {tcp && (
              <fieldset className="settings-tls">
                <legend>TLS for this tcp:// engine</legend>
                <p className="settings-help">
                  For an engine started with --tlsverify (port 2376): the CA that signed its certificate, and your
                  client certificate and key, as paths on the computer Berth runs on. Berth keeps the paths, reads the
                  files only to connect and never shows what is in them. Leave all three empty for plain tcp.
                </p>
                {tlsField('tlsCa', 'CA certificate (ca.pem)', '/home/me/.docker/ca.pem')}
                {tlsField('tlsCert', 'Client certificate (cert.pem)', '/home/me/.docker/cert.pem')}
                {tlsField('tlsKey', 'Client key (key.pem)', '/home/me/.docker/key.pem')}
              </fieldset>
            )}
            <ErrorNotice error={addressSwitch.error ?? pickError} />
            {addressSwitch.dialog}
          </fieldset>

          <fieldset>
            <legend>Theme</legend>
            <div className="settings-choices" role="radiogroup" aria-label="Theme">
              {THEMES.map((theme) => (
                <label key={theme} className="settings-choice">
                  <input
                    type="radio"
                    name="theme"
                    value={theme}
                    checked={form.draft.theme === theme}
                    onChange={() => edit({ theme })}
                  />
                  {THEME_LABELS[theme]}
                </label>
              ))}
            </div>
          </fieldset>

          <fieldset>
            <legend>Logs</legend>
            <FormField
              id="settings-cap"
              label="Log lines kept per container"
              hint={`The log view keeps the newest lines up to this many (${LOG_LINE_CAP.min.toLocaleString('en')} to ${LOG_LINE_CAP.max.toLocaleString('en')}); older ones are dropped from memory, not from the container.`}
              hintClassName="settings-help"
              error={capError}
              className="input settings-input settings-number"
              type="text"
              inputMode="numeric"
              value={form.draft.logLineCap}
              onChange={(e) => edit({ logLineCap: e.target.value })}
            />
          </fieldset>

          <fieldset>
            <legend>Desktop app</legend>
            <label className="settings-choice">
              <input
                type="checkbox"
                checked={form.draft.notifications}
                onChange={(e) => edit({ notifications: e.target.checked })}
              />
              Notify me when a container exits unexpectedly
            </label>
            <label className="settings-choice">
              <input
                type="checkbox"
                checked={form.draft.closeToTray}
                onChange={(e) => edit({ closeToTray: e.target.checked })}
              />
              Keep Berth in the tray when its window is closed
            </label>
            <p className="settings-help">
              These two apply to the desktop app. Quit is always in the app menu and the tray menu.
            </p>
          </fieldset>

          <div className="settings-actions">
            <button type="submit" className="button button-primary" disabled={!dirty || saving} aria-busy={saving}>
              Save
            </button>
            <button
              type="button"
              className="button"
              disabled={!dirty || saving}
              onClick={() => {
                setForm({ base: settings, draft: toDraft(settings) });
                setFeedback(null);
              }}
            >
              Discard changes
            </button>
            <p role="status" className={`settings-status settings-status-${feedback?.tone ?? 'none'}`}>
              {feedback !== null && feedback.field === undefined ? feedback.text : ''}
            </p>
          </div>
        </form>
      </main>
    </>
  );
}
