import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useBerth } from '../../app/store';
import { useEngineSwitch } from './EngineSwitch';

/** The status bar's engine switch: every engine of Settings › Engine in one list; choosing one switches. */
export function EngineMenu() {
  const choices = useBerth(useShallow((s) => s.engineChoices));
  const load = useBerth((s) => s.loadEngineChoices);
  const endpoint = useBerth((s) => s.engineStatus?.endpoint.address ?? null);
  const { start, busy, error, dialog } = useEngineSwitch();

  useEffect(() => {
    void load();
  }, [load, endpoint]);

  const active = choices.find((c) => c.active);
  return (
    <span className="status-item status-engine-menu">
      <select
        aria-label="Switch engine"
        className="status-select"
        value={active?.id ?? ''}
        disabled={busy || choices.length === 0}
        title={error?.message ?? 'Switch engine'}
        onChange={(e) => {
          const choice = choices.find((c) => c.id === e.target.value);
          if (choice) void start({ id: choice.id }, choice);
        }}
      >
        {active === undefined && <option value="">Engine…</option>}
        {choices.map((c) => (
          <option key={c.id} value={c.id} disabled={c.error !== undefined}>
            {c.kind === 'context' ? `Context ${c.name}` : c.name} — {c.address}
          </option>
        ))}
      </select>
      {error !== null && (
        <span className="status-error" role="alert">
          {error.message}
        </span>
      )}
      {dialog}
    </span>
  );
}
