/**
 * The log view's line selection and Copy: whole lines when some are selected (they may reach far past the rows
 * drawn), else the text selected with the mouse. Ctrl+A in the log selects every line loaded, Ctrl+C copies the
 * lines, Escape lets go.
 */
import { useState, type KeyboardEvent } from 'react';
import type { LogBuffer } from './log-buffer';
import { formatLocal } from './LogView';
import { linesText, selectAll, selectedCount, selectedRows, type LineSelection } from './line-selection';

export interface LineSelectionState {
  readonly selection: LineSelection | null;
  /** Selected lines still shown. */
  readonly count: number;
  /** What the last Copy did, in a sentence. */
  readonly copied: { readonly text: string; readonly failed: boolean } | null;
  select(abs: number, extend: boolean): void;
  clear(): void;
  copy(): Promise<void>;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
}

export function useLineSelection(
  buffer: LogBuffer,
  rows: readonly number[] | null,
  timestamps: boolean,
  names: readonly string[],
): LineSelectionState {
  const [selection, setSelection] = useState<LineSelection | null>(null);
  const [copied, setCopied] = useState<{ text: string; failed: boolean } | null>(null);
  const shown = { buffer, rows };
  const count = selectedCount(selection, shown);
  const choose = (next: LineSelection | null) => {
    setSelection(next);
    setCopied(null);
  };

  const copy = async () => {
    const picked = selectedRows(selection, shown);
    const text =
      picked.length > 0
        ? linesText(buffer, picked, { timestamps, names, formatTime: formatLocal })
        : (window.getSelection()?.toString() ?? '');
    if (text === '') {
      setCopied({
        text: 'Nothing to copy: click a line, Shift+click another, or press Ctrl+A in the log.',
        failed: true,
      });
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      const n = picked.length;
      const what = n > 0 ? `${n.toLocaleString()} ${n === 1 ? 'line' : 'lines'}` : 'the selected text';
      setCopied({ text: `Copied ${what}`, failed: false });
    } catch (e) {
      setCopied({
        text: `The clipboard refused the copy: ${e instanceof Error ? e.message : String(e)}`,
        failed: true,
      });
    }
  };

  return {
    selection,
    count,
    copied,
    select: (abs, extend) =>
      choose(extend && selection !== null ? { anchor: selection.anchor, focus: abs } : { anchor: abs, focus: abs }),
    clear: () => choose(null),
    copy,
    onKeyDown: (e) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'a') {
        e.preventDefault();
        window.getSelection()?.removeAllRanges();
        choose(selectAll(shown));
      } else if (e.key === 'Escape' && selection !== null) {
        e.preventDefault();
        choose(null);
      } else if (mod && key === 'c' && count > 0 && window.getSelection()?.isCollapsed !== false) {
        // A mouse text selection keeps the browser's own copy.
        e.preventDefault();
        void copy();
      }
    },
  };
}
