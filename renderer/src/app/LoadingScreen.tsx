import { useBerth } from './store';

/** The first moments after start: quiet, no alarm, just where Berth is looking. */
export function LoadingScreen() {
  const address = useBerth((s) => s.engineStatus?.endpoint.address);
  return (
    <main className="screen screen-quiet" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <p className="screen-quiet-title">Connecting to the Docker Engine…</p>
      {address !== undefined && <p className="screen-quiet-detail">{address}</p>}
    </main>
  );
}
