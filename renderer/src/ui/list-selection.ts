/**
 * The one selection and keyboard model of the resource lists (containers, images, volumes, networks): click,
 * Shift+click for a range, Ctrl/Cmd+click to toggle, Ctrl/Cmd+A, Space on the focused row, and arrow keys, Home,
 * End, PageUp, PageDown and type-ahead to move. Pure: the hook in use-list-selection.ts wires it to the DOM.
 */

export interface Selection {
  readonly selected: ReadonlySet<string>;
  /** Where a Shift range starts: the last row clicked or toggled. */
  readonly anchor: string | null;
  /** The row that has the keyboard focus. */
  readonly focus: string | null;
}

export const emptySelection: Selection = { selected: new Set(), anchor: null, focus: null };

export interface Modifiers {
  readonly shift?: boolean;
  /** Ctrl, or Cmd on macOS. */
  readonly toggle?: boolean;
}

function range(keys: readonly string[], from: string | null, to: string): string[] {
  const end = keys.indexOf(to);
  const start = from === null ? -1 : keys.indexOf(from);
  if (end < 0) return [];
  if (start < 0) return [to];
  return keys.slice(Math.min(start, end), Math.max(start, end) + 1);
}

/** A click (or Space/arrow with modifiers) on a row. */
export function clickRow(state: Selection, keys: readonly string[], key: string, mods: Modifiers = {}): Selection {
  if (mods.shift) {
    const span = range(keys, state.anchor ?? state.focus, key);
    const selected = mods.toggle ? new Set([...state.selected, ...span]) : new Set(span);
    return { selected, anchor: state.anchor ?? key, focus: key };
  }
  if (mods.toggle) return toggleRow(state, key);
  return { selected: new Set([key]), anchor: key, focus: key };
}

export function toggleRow(state: Selection, key: string): Selection {
  const selected = new Set(state.selected);
  if (selected.has(key)) selected.delete(key);
  else selected.add(key);
  return { selected, anchor: key, focus: key };
}

export function selectAll(state: Selection, keys: readonly string[]): Selection {
  return { ...state, selected: new Set(keys) };
}

export function clearSelection(state: Selection): Selection {
  return { ...state, selected: new Set(), anchor: null };
}

/** Drops rows that left the list (removed, filtered out); the focus moves to a row that is still there. */
export function keepPresent(state: Selection, keys: readonly string[]): Selection {
  const present = new Set(keys);
  const selected = [...state.selected].filter((k) => present.has(k));
  const focus = state.focus !== null && present.has(state.focus) ? state.focus : null;
  const anchor = state.anchor !== null && present.has(state.anchor) ? state.anchor : null;
  if (selected.length === state.selected.size && focus === state.focus && anchor === state.anchor) return state;
  return { selected: new Set(selected), anchor, focus };
}

export type MoveKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End' | 'PageDown' | 'PageUp';
export const MOVE_KEYS: readonly string[] = ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'];

/** The row a movement key goes to from the focused one; `page` is how many rows one screen holds. */
export function moveFocus(keys: readonly string[], focus: string | null, move: MoveKey, page: number): string | null {
  if (keys.length === 0) return null;
  const at = focus === null ? -1 : keys.indexOf(focus);
  const last = keys.length - 1;
  const step = Math.max(1, page);
  const index = {
    ArrowDown: at < 0 ? 0 : Math.min(last, at + 1),
    ArrowUp: at < 0 ? 0 : Math.max(0, at - 1),
    Home: 0,
    End: last,
    PageDown: Math.min(last, Math.max(0, at) + step),
    PageUp: Math.max(0, at - step),
  }[move];
  return keys[index] ?? null;
}

/** Moving the focus: alone it selects that row; with Shift it extends the range; with Ctrl it only moves. */
export function focusRow(state: Selection, keys: readonly string[], key: string, mods: Modifiers = {}): Selection {
  if (mods.shift) return { ...clickRow(state, keys, key, { shift: true }), anchor: state.anchor ?? state.focus ?? key };
  if (mods.toggle) return { ...state, focus: key };
  return { selected: new Set([key]), anchor: key, focus: key };
}

/**
 * Type-ahead: the next row (after the focused one, wrapping) whose label starts with the typed text; a repeated
 * single letter cycles through the rows starting with it.
 */
export function typeAhead(
  keys: readonly string[],
  labelOf: (key: string) => string,
  focus: string | null,
  typed: string,
): string | null {
  const text = typed.toLowerCase();
  if (text === '' || keys.length === 0) return null;
  const cycling = text.length > 1 && [...text].every((c) => c === text[0]);
  const wanted = cycling ? text.slice(0, 1) : text;
  const at = focus === null ? -1 : keys.indexOf(focus);
  // A longer prefix may still match the focused row; a single letter moves on from it.
  const first = wanted.length > 1 && !cycling ? Math.max(0, at) : at + 1;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[(first + i) % keys.length];
    if (key !== undefined && labelOf(key).toLowerCase().startsWith(wanted)) return key;
  }
  return null;
}
