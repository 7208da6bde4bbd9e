import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useBerth } from '../../app/store';

const NEW = '\u0000new';
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/**
 * Adds a named volume to the run form's mounts: an existing one, or a new name, which the engine creates when the
 * container is made (as `docker run -v name:/path` does). Bind mounts are typed in the mounts box itself.
 */
export function VolumePicker({ onAdd }: { onAdd: (line: string) => void }) {
  const volumes = useBerth(useShallow((s) => s.volumes.filter((v) => !v.anonymous).map((v) => v.name)));
  const id = useId();
  const [choice, setChoice] = useState('');
  const [fresh, setFresh] = useState('');
  const [target, setTarget] = useState('');
  const name = choice === NEW ? fresh.trim() : choice || (volumes[0] ?? '');
  const problem =
    name === ''
      ? 'Choose a volume or name a new one.'
      : !NAME.test(name)
        ? 'A volume name is letters, digits, "_", "." or "-", at least two characters.'
        : !target.startsWith('/')
          ? 'The path in the container starts with /.'
          : null;
  return (
    <fieldset className="ctr-field ctr-volume-picker">
      <legend>Add a named volume</legend>
      <label htmlFor={`${id}-volume`}>Volume</label>
      <select id={`${id}-volume`} value={choice || name} onChange={(e) => setChoice(e.target.value)}>
        {volumes.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
        <option value={NEW}>New volume…</option>
      </select>
      {(choice === NEW || volumes.length === 0) && (
        <>
          <label htmlFor={`${id}-new`}>New volume</label>
          <input
            id={`${id}-new`}
            autoComplete="off"
            value={fresh}
            onChange={(e) => {
              setChoice(NEW);
              setFresh(e.target.value);
            }}
          />
        </>
      )}
      <label htmlFor={`${id}-target`}>Mount at</label>
      <input
        id={`${id}-target`}
        className="mono"
        placeholder="/data"
        autoComplete="off"
        value={target}
        onChange={(e) => setTarget(e.target.value)}
      />
      <button
        type="button"
        className="button"
        disabled={problem !== null}
        title={problem ?? `Adds ${name}:${target} to the mounts`}
        onClick={() => {
          onAdd(`${name}:${target}`);
          setTarget('');
        }}
      >
        Add volume
      </button>
    </fieldset>
  );
}
