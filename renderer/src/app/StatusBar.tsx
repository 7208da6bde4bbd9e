import type { EngineStatus } from '../../../shared/dto/engine';
import { exactTime } from '../ui/relative-time';
import { engineStateLook, type StateLook } from '../ui/state-tone';
import { useBerth } from './store';
import { EngineMenu } from '../features/settings/EngineMenu';

function engineLine(status: Extract<EngineStatus, { state: 'connected' }>): string {
  const { engine } = status;
  const product = engine.flavor === 'podman' ? 'Podman' : 'Docker Engine';
  const client = engine.clientApiVersion;
  const api =
    client && client !== engine.apiVersion ? `API ${engine.apiVersion} (client ${client})` : `API ${engine.apiVersion}`;
  return `${product} ${engine.version} · ${api}`;
}

export function StatusBar() {
  const status = useBerth((s) => s.engineStatus);
  const linkLost = useBerth((s) => s.linkError !== null);
  const look: StateLook = linkLost
    ? { tone: 'danger', label: 'Disconnected from Berth' }
    : status === null
      ? engineStateLook('connecting')
      : engineStateLook(status.state);

  return (
    // Not live: the announcer (ui/announce.ts) says a state change in one sentence instead of the whole bar.
    <footer className="status-bar" role="status" aria-live="off" aria-label="Engine status">
      <span className="status-item status-state">
        <span className={`dot tone-${look.tone}`} aria-hidden="true" />
        {look.label}
      </span>
      {status !== null && (
        <span className="status-item status-endpoint" title={`Endpoint (from ${status.endpoint.source})`}>
          {status.endpoint.context !== undefined ? `${status.endpoint.context} · ` : ''}
          {status.endpoint.address}
        </span>
      )}
      <EngineMenu />
      {status?.state === 'connected' && !linkLost && (
        <>
          <span className="status-item" title={`Connected since ${exactTime(status.since)}`}>
            {engineLine(status)}
          </span>
          <span className="status-item" title={status.engine.operatingSystem}>
            {status.engine.os}/{status.engine.arch}
          </span>
        </>
      )}
    </footer>
  );
}
