/**
 * The resource lists' shared selection and keyboard hook: the list becomes an ARIA grid with one tab stop (the
 * focused row), multi-selectable rows and the model of list-selection.ts. In a virtualised list the caller passes
 * `scrollTo`, so the focused row is scrolled into the DOM before it takes the focus.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import {
  MOVE_KEYS,
  clearSelection,
  clickRow,
  emptySelection,
  focusRow,
  keepPresent,
  moveFocus,
  selectAll,
  toggleRow,
  typeAhead,
  type MoveKey,
  type Selection,
} from './list-selection';

/** Letters typed within this many ms add up to one type-ahead search. */
const TYPE_AHEAD_MS = 700;

export interface ListSelectionOptions {
  /** The selectable rows' keys in screen order. */
  readonly keys: readonly string[];
  readonly labelOf: (key: string) => string;
  /** Enter on a row. */
  readonly onOpen?: (key: string) => void;
  /** Delete on the selection (or the focused row when nothing is selected). */
  readonly onDelete?: (keys: readonly string[]) => void;
  /** Rows per screen for PageUp/PageDown. */
  readonly pageSize?: number;
  /** Brings a row into the DOM and into view (virtualised lists). */
  readonly scrollTo?: (key: string) => void;
}

export interface RowProps {
  readonly 'data-row-key': string;
  readonly 'aria-selected': boolean;
  readonly tabIndex: 0 | -1;
  readonly onClick: (event: MouseEvent) => void;
  readonly onFocus: () => void;
}

export function useListSelection(options: ListSelectionOptions) {
  const { keys, labelOf, onOpen, onDelete, pageSize = 10, scrollTo } = options;
  const [raw, setRaw] = useState<Selection>(emptySelection);
  const state = useMemo(() => keepPresent(raw, keys), [raw, keys]);
  const gridRef = useRef<HTMLElement | null>(null);
  // A callback ref, so the grid may be a <table> or a virtualised <div role="grid">.
  const setGrid = useCallback((el: HTMLElement | null) => {
    gridRef.current = el;
  }, []);
  const pending = useRef<string | null>(null);
  const typed = useRef({ text: '', at: 0 });

  // After every render: a row the keyboard moved to takes the focus once it is in the DOM.
  useEffect(() => {
    const key = pending.current;
    if (key === null || !gridRef.current) return;
    const row = gridRef.current.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(key)}"]`);
    if (row) {
      pending.current = null;
      row.focus();
      row.scrollIntoView?.({ block: 'nearest' });
    }
  });

  const goTo = useCallback(
    (key: string | null, update: (s: Selection) => Selection) => {
      if (key === null) return;
      setRaw(update);
      pending.current = key;
      scrollTo?.(key);
    },
    [scrollTo],
  );

  const selected = useMemo(() => keys.filter((k) => state.selected.has(k)), [keys, state.selected]);

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.getAttribute('data-row-key') === null) return;
    const mods = { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey };
    const focus = state.focus ?? target.getAttribute('data-row-key');
    if (MOVE_KEYS.includes(event.key)) {
      event.preventDefault();
      const next = moveFocus(keys, focus, event.key as MoveKey, pageSize);
      goTo(next, (s) => (next === null ? s : focusRow({ ...s, focus }, keys, next, mods)));
    } else if (event.key === ' ' && focus !== null) {
      event.preventDefault();
      setRaw((s) => toggleRow(s, focus));
    } else if ((event.key === 'a' || event.key === 'A') && mods.toggle) {
      event.preventDefault();
      setRaw((s) => selectAll(s, keys));
    } else if (event.key === 'Escape' && state.selected.size > 0) {
      event.preventDefault();
      setRaw(clearSelection);
    } else if (event.key === 'Enter' && focus !== null && onOpen) {
      event.preventDefault();
      onOpen(focus);
    } else if (event.key === 'Delete' && onDelete) {
      const chosen = selected.length > 0 ? selected : focus !== null ? [focus] : [];
      if (chosen.length > 0) {
        event.preventDefault();
        onDelete(chosen);
      }
    } else if (event.key.length === 1 && !mods.toggle && !event.altKey && event.key !== ' ') {
      const now = Date.now();
      const text = now - typed.current.at < TYPE_AHEAD_MS ? typed.current.text + event.key : event.key;
      typed.current = { text, at: now };
      const next = typeAhead(keys, labelOf, focus, text);
      goTo(next, (s) => (next === null ? s : focusRow(s, keys, next)));
    }
  };

  const rowProps = (key: string): RowProps => ({
    'data-row-key': key,
    'aria-selected': state.selected.has(key),
    tabIndex: key === (state.focus ?? keys[0]) ? 0 : -1,
    onClick: (event) => {
      const mods = { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey };
      if (mods.shift) event.preventDefault();
      setRaw((s) => clickRow(s, keys, key, mods));
    },
    onFocus: () => setRaw((s) => (s.focus === key ? s : { ...s, focus: key })),
  });

  return {
    selected,
    focus: state.focus,
    gridProps: { ref: setGrid, role: 'grid', 'aria-multiselectable': true, onKeyDown } as const,
    rowProps,
    clear: () => setRaw(clearSelection),
  };
}
