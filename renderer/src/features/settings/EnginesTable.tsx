import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { switchEngineText } from '../../../../shared/cli/engine.cli';
import { useBerth } from '../../app/store';
import { Command } from '../../ui/Command';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useEngineSwitch } from './EngineSwitch';

const KIND_LABELS = {
  auto: 'Automatic',
  context: 'Docker context',
  socket: 'Found on this computer',
  custom: 'Custom',
};

/** Every engine Berth can use, like `docker context ls` plus the sockets found here; one button switches. */
export function EnginesTable() {
  const choices = useBerth(useShallow((s) => s.engineChoices));
  const loadError = useBerth((s) => s.engineChoicesError);
  const load = useBerth((s) => s.loadEngineChoices);
  const endpoint = useBerth((s) => s.engineStatus?.endpoint.address ?? null);
  const { start, busy, error, done, dialog } = useEngineSwitch();

  useEffect(() => {
    void load();
  }, [load, endpoint]);

  return (
    <div className="engines">
      <div className="table-card">
        <table className="table" aria-label="Engines">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Description</th>
              <th scope="col">Engine address</th>
              <th scope="col">
                <span className="sr-only">Use</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {choices.map((choice) => (
              <tr key={choice.id} aria-current={choice.active ? 'true' : undefined}>
                <th scope="row">
                  {choice.name}
                  {choice.cliCurrent && <span title="The docker CLI's current context"> *</span>}
                </th>
                <td>{KIND_LABELS[choice.kind]}</td>
                <td>{choice.error ?? choice.description}</td>
                <td className="mono">{choice.address}</td>
                <td>
                  {choice.active ? (
                    <span className="engines-active">In use</span>
                  ) : (
                    <button
                      type="button"
                      className="button"
                      disabled={busy || choice.error !== undefined}
                      aria-label={`Use ${choice.name}`}
                      title={switchEngineText(choice).command}
                      onClick={() => void start({ id: choice.id }, choice)}
                    >
                      Use
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="settings-help">
        * marks the context the docker CLI uses now. Same as <Command>docker context ls</Command>
      </p>
      <ErrorNotice error={error ?? loadError} />
      <p role="status" className="settings-status settings-status-ok">
        {done ?? ''}
      </p>
      {dialog}
    </div>
  );
}
