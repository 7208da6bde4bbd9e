/**
 * Picks the containers of the Logs section among many: a search box over name, image and compose project, a
 * running / stopped / all filter, containers grouped by project with "all of this project" and "all of this
 * image", and a cap on how many checkboxes are drawn at once (the rest are reached by typing). Up/Down (and
 * Home/End) move between the checkboxes, Space ticks one, and a printable key types into the search box.
 */
import { useState, type KeyboardEvent } from 'react';
import type { ContainerSummary } from '../../../../shared/dto/lists';

const PROJECT = 'com.docker.compose.project';
/** Checkboxes drawn at once; more than this is a list nobody scrolls through. */
const SHOWN = 100;

type Which = 'all' | 'running' | 'stopped';

export function ContainerPicker({
  containers,
  picked,
  onPick,
  loaded,
}: {
  containers: readonly ContainerSummary[];
  picked: readonly string[];
  onPick(ids: readonly string[]): void;
  loaded: boolean;
}) {
  const [filter, setFilter] = useState('');
  const [which, setWhich] = useState<Which>('all');
  const words = filter.toLowerCase().trim();
  const matching = containers.filter((c) => {
    if (which === 'running' && c.state !== 'running') return false;
    if (which === 'stopped' && c.state === 'running') return false;
    if (words === '') return true;
    return [c.name, c.image, c.labels[PROJECT] ?? ''].some((v) => v.toLowerCase().includes(words));
  });
  const groups = new Map<string, ContainerSummary[]>();
  for (const c of matching.slice(0, SHOWN)) {
    const p = c.labels[PROJECT] ?? '';
    groups.set(p, [...(groups.get(p) ?? []), c]);
  }
  const projects = new Map<string, string[]>();
  for (const c of matching) {
    const p = c.labels[PROJECT];
    if (p !== undefined) projects.set(p, [...(projects.get(p) ?? []), c.id]);
  }
  const images = new Map<string, string[]>();
  for (const c of matching) images.set(c.image, [...(images.get(c.image) ?? []), c.id]);
  const toggle = (id: string, on: boolean) => onPick(on ? [...picked, id] : picked.filter((p) => p !== id));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox') return;
    const boxes = [...e.currentTarget.querySelectorAll<HTMLInputElement>('.logs-picker-list input[type=checkbox]')];
    const at = boxes.indexOf(target);
    const go =
      e.key === 'ArrowDown' || e.key === 'ArrowRight'
        ? at + 1
        : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
          ? at - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? boxes.length - 1
              : null;
    if (go !== null) {
      e.preventDefault();
      boxes[Math.max(0, Math.min(boxes.length - 1, go))]?.focus();
    } else if (e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Type to search: the key goes to the search box.
      e.preventDefault();
      setFilter(filter + e.key);
      e.currentTarget.closest('fieldset')?.querySelector<HTMLInputElement>('input[type=search]')?.focus();
    }
  };

  return (
    <fieldset className="logs-picker">
      <legend className="sr-only">Containers to show</legend>
      <div className="logs-picker-filters logs-search">
        <input
          type="search"
          aria-label="Find containers"
          placeholder="Name, image or project"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <label>
          Show{' '}
          <select aria-label="Which containers" value={which} onChange={(e) => setWhich(e.target.value as Which)}>
            <option value="all">All</option>
            <option value="running">Running</option>
            <option value="stopped">Stopped</option>
          </select>
        </label>
        <button
          type="button"
          className="logs-toggle"
          disabled={matching.length === 0 || words === ''}
          onClick={() => onPick(matching.map((c) => c.id))}
        >
          Pick all {matching.length} matching
        </button>
        {picked.length > 0 && (
          <button type="button" className="logs-toggle" onClick={() => onPick([])}>
            Unpick all ({picked.length})
          </button>
        )}
        {[...projects].map(([project, ids]) => (
          <button key={project} type="button" className="logs-toggle" onClick={() => onPick(ids)}>
            Project {project}
          </button>
        ))}
        {words !== '' &&
          [...images].slice(0, 10).map(([image, ids]) => (
            <button key={image} type="button" className="logs-toggle" onClick={() => onPick(ids)}>
              Image {image} ({ids.length})
            </button>
          ))}
      </div>
      <div className="logs-picker-list" onKeyDown={onKeyDown}>
        {[...groups].map(([project, list]) => (
          <div key={project} role="group" aria-label={project === '' ? 'Without a project' : `Project ${project}`}>
            {project !== '' && <span className="muted">{project}: </span>}
            {list.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  checked={picked.includes(c.id)}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                />
                {c.name}
              </label>
            ))}
          </div>
        ))}
      </div>
      {matching.length > SHOWN && (
        <p className="muted">{matching.length - SHOWN} more match: type in the search box to narrow the list.</p>
      )}
      {containers.length === 0 && loaded && <p className="muted">There are no containers.</p>}
      {containers.length > 0 && matching.length === 0 && <p className="muted">No container matches.</p>}
    </fieldset>
  );
}
