import { useEffect, useState } from 'react';
import { logoutAction } from '../../../../shared/cli/registries.cli';
import { storeLabel, type RegistryLogin } from '../../../../shared/dto/registries';
import type { BerthError } from '../../../../shared/result';
import { useBerth } from '../../app/store';
import { Command } from '../../ui/Command';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';
import { EmptyState, LoadError, Loading } from '../../ui/ListStates';
import { Message } from '../../ui/Message';
import { SectionHeader } from '../../ui/SectionHeader';
import { LoginDialog } from './LoginDialog';
import '../../ui/resources.css';

/** Says what logging out removes, and where from, before doing it. */
function LogoutDialog({ login, onClose }: { login: RegistryLogin; onClose: () => void }) {
  const logOut = useBerth((s) => s.logOut);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BerthError | null>(null);
  const submit = async () => {
    setBusy(true);
    const result = await logOut(login.key);
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onClose();
  };
  return (
    <Dialog title={`Log out of ${login.registry}`} onClose={onClose}>
      <p>
        This removes the credential{login.username === null ? '' : ` of ${login.username}`} for {login.registry} from{' '}
        {storeLabel(login.store)}. The docker CLI uses the same one, so it is logged out too; pulls and pushes of
        private images there will need a new login.
      </p>
      <CommandPreview command={logoutAction(login.registry).command} />
      <DialogError error={failure} />
      <DialogButtons>
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          autoFocus
          aria-busy={busy}
          disabled={busy}
          onClick={() => void submit()}
        >
          Log out
        </button>
      </DialogButtons>
    </Dialog>
  );
}

function LoginsTable({ onLogout }: { onLogout: (login: RegistryLogin) => void }) {
  const overview = useBerth((s) => s.registries);
  const load = useBerth((s) => s.registriesLoad);
  const error = useBerth((s) => s.registriesError);
  const refresh = useBerth((s) => s.refreshRegistries);
  if (load === 'error' && error !== null)
    return <LoadError what="registry logins" error={error} onRetry={() => void refresh()} />;
  if (overview === null) return <Loading what="registry logins" />;
  return (
    <>
      {overview.problems.map((problem) => (
        <p key={problem} className="load-error" role="alert">
          <Message text={problem} />
        </p>
      ))}
      {overview.logins.length === 0 ? (
        <EmptyState title="Not logged in to any registry">
          <p>
            Public images need no login. For private ones, or to push, log in here or in a terminal; both keep the login
            in the same place:
          </p>
          <Command>docker login</Command>
        </EmptyState>
      ) : (
        <div className="table-card res-table-wrap">
          <table className="table" aria-label="Registry logins">
            <thead>
              <tr>
                <th scope="col">Registry</th>
                <th scope="col">User</th>
                <th scope="col">Kept in</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.logins.map((login) => (
                <tr key={login.key}>
                  <th scope="row" className="mono">
                    {login.registry}
                  </th>
                  <td>{login.username ?? <span className="muted">identity token</span>}</td>
                  <td>{login.store.kind === 'helper' ? `docker-credential-${login.store.helper}` : 'config.json'}</td>
                  <td className="num">
                    <button
                      type="button"
                      className="button"
                      aria-label={`Log out of ${login.registry}`}
                      onClick={() => onLogout(login)}
                    >
                      Log out…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Where the user is logged in, read from the docker CLI's own config.json and credential helpers. */
export function RegistriesView() {
  const refresh = useBerth((s) => s.refreshRegistries);
  const overview = useBerth((s) => s.registries);
  const [dialog, setDialog] = useState<{ kind: 'login' } | { kind: 'logout'; login: RegistryLogin } | null>(null);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const count = overview?.logins.length;
  return (
    <>
      <SectionHeader
        title="Registries"
        detail={count === undefined ? undefined : `${count} ${count === 1 ? 'login' : 'logins'}`}
      >
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'login' })}>
            Log in…
          </button>
        </div>
      </SectionHeader>
      <main className="content">
        {overview !== null && (
          <p className="muted">
            Logins are shared with the docker CLI: {overview.configPath}
            {overview.defaultStore.kind === 'helper'
              ? `, passwords kept by docker-credential-${overview.defaultStore.helper}.`
              : ', with no credential helper set up (passwords base64-encoded in that file).'}
          </p>
        )}
        <LoginsTable onLogout={(login) => setDialog({ kind: 'logout', login })} />
      </main>
      {dialog?.kind === 'login' && <LoginDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'logout' && <LogoutDialog login={dialog.login} onClose={() => setDialog(null)} />}
    </>
  );
}
