import { useEffect, useState } from 'react';
import { loginAction } from '../../../../shared/cli/registries.cli';
import { storeLabel, type LoginPlan, type LoginResult } from '../../../../shared/dto/registries';
import { checkServer } from '../../../../shared/registry-name';
import type { BerthError } from '../../../../shared/result';
import { useBerth } from '../../app/store';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';
import { Field } from '../../ui/Field';

/** Where the password will be kept, said before it is typed. */
function PlanNote({ plan }: { plan: LoginPlan | null }) {
  if (plan === null) return null;
  return (
    <p className="res-field-hint" aria-live="polite">
      {plan.store.kind === 'helper'
        ? `The password will be kept by ${storeLabel(plan.store)}, as docker login does.`
        : `No credential helper is set up, so ${plan.store.path} will hold this password base64-encoded (readable, not encrypted), as docker login does.`}
    </p>
  );
}

/**
 * Registry, user name and password (or access token); the engine checks them with the registry (POST /auth)
 * before anything is kept. The password lives only in this dialog's state and the one request that sends it.
 */
export function LoginDialog({
  initialServer = '',
  onClose,
  onLoggedIn,
}: {
  initialServer?: string;
  onClose: () => void;
  onLoggedIn?: (result: LoginResult) => void;
}) {
  const logIn = useBerth((s) => s.logIn);
  const planLogin = useBerth((s) => s.planLogin);
  const [server, setServer] = useState(initialServer === 'docker.io' ? '' : initialServer);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<BerthError | null>(null);
  const [plan, setPlan] = useState<LoginPlan | null>(null);
  const check = checkServer(server);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void planLogin(server).then((result) => {
        if (live) setPlan(result.ok ? result.value : null);
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [server, planLogin]);

  const errors = {
    server: check.ok ? undefined : check.message,
    username:
      username.trim() === ''
        ? 'Give the user name.'
        : /[\s:]/.test(username.trim())
          ? 'A user name has no spaces or ":".'
          : undefined,
    password: password === '' ? 'Give the password or an access token.' : undefined,
  };
  const registry = check.ok ? check.registry : server.trim() || 'REGISTRY';

  const submit = async () => {
    setTried(true);
    if (errors.server !== undefined || errors.username !== undefined || errors.password !== undefined) return;
    setBusy(true);
    setFailure(null);
    const result = await logIn({ server: server.trim(), username: username.trim(), password });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    setPassword('');
    onLoggedIn?.(result.value);
    onClose();
  };

  return (
    <Dialog title={`Log in to ${check.ok ? check.registry : 'a registry'}`} onClose={onClose}>
      <form
        className="res-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field
          label="Registry"
          error={tried ? errors.server : undefined}
          hint="Empty or docker.io for Docker Hub; else host or host:port."
        >
          {(p) => (
            <input
              {...p}
              autoFocus={initialServer === ''}
              autoComplete="off"
              spellCheck={false}
              placeholder="docker.io"
              value={server}
              disabled={busy}
              onChange={(e) => {
                setServer(e.target.value);
                setFailure(null);
              }}
            />
          )}
        </Field>
        <Field label="User name" error={tried ? errors.username : undefined}>
          {(p) => (
            <input
              {...p}
              autoFocus={initialServer !== ''}
              autoComplete="username"
              spellCheck={false}
              value={username}
              disabled={busy}
              onChange={(e) => {
                setUsername(e.target.value);
                setFailure(null);
              }}
            />
          )}
        </Field>
        <Field label="Password or access token" error={tried ? errors.password : undefined}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={password}
              disabled={busy}
              onChange={(e) => {
                setPassword(e.target.value);
                setFailure(null);
              }}
            />
          )}
        </Field>
        <PlanNote plan={plan} />
        <CommandPreview command={loginAction(registry, username.trim() || 'USER').command} />
        {busy && <progress aria-label={`Checking the login with ${registry}`} />}
        <DialogError error={failure} />
        <DialogButtons>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" aria-busy={busy} disabled={busy}>
            {busy ? 'Checking…' : 'Log in'}
          </button>
        </DialogButtons>
      </form>
    </Dialog>
  );
}

/** The login asked for from an error anywhere ("log in to REGISTRY"); retries what failed once logged in. */
export function LoginPromptHost() {
  const prompt = useBerth((s) => s.loginPrompt);
  const close = useBerth((s) => s.closeLoginPrompt);
  if (prompt === null) return null;
  return <LoginDialog initialServer={prompt.registry} onClose={close} onLoggedIn={() => prompt.retry?.()} />;
}
