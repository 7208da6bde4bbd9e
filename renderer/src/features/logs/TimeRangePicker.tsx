/** The Logs section's time range: one choice for the view, "Load older", the history search and the save. */
import { useState } from 'react';
import { useBerth } from '../../app/store';
import { customRange, describeRange, presetRange, PRESET_LABELS, type RangePreset } from './time-range';

const PRESETS = Object.keys(PRESET_LABELS) as RangePreset[];

export function TimeRangePicker() {
  const range = useBerth((s) => s.logsRange);
  const setRange = useBerth((s) => s.setLogsRange);
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const applyCustom = (s: string, u: string) => {
    const r = customRange(s, u);
    if (typeof r === 'string') return setProblem(r);
    setProblem(null);
    setRange(r);
  };

  return (
    <div className="logs-search logs-range" role="group" aria-label="Time range">
      <label>
        Time range{' '}
        <select
          value={range.preset}
          onChange={(e) => {
            const preset = e.target.value as RangePreset;
            if (preset === 'custom') applyCustom(since, until);
            else {
              setProblem(null);
              setRange(presetRange(preset, Date.now()));
            }
          }}
        >
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {PRESET_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      {range.preset === 'custom' && (
        <>
          <label>
            Since{' '}
            <input
              type="datetime-local"
              step="1"
              value={since}
              onChange={(e) => {
                setSince(e.target.value);
                applyCustom(e.target.value, until);
              }}
            />
          </label>
          <label>
            Until{' '}
            <input
              type="datetime-local"
              step="1"
              value={until}
              onChange={(e) => {
                setUntil(e.target.value);
                applyCustom(since, e.target.value);
              }}
            />
          </label>
        </>
      )}
      <span className="muted">Showing {describeRange(range)}.</span>
      {problem && (
        <span role="alert" className="logs-problem">
          {problem}
        </span>
      )}
    </div>
  );
}
