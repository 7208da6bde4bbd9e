/**
 * xterm.js's DOM renderer writes its theme and cell-size rules into <style> elements, which Berth's CSP
 * (style-src 'self', nothing inline) refuses. While the terminal opens, the <style> elements it creates are
 * replaced by inert stand-ins whose text goes into constructed stylesheets instead, which the CSP allows.
 */
import type { Terminal } from '@xterm/xterm';

export function openUnderCsp(term: Terminal, host: HTMLElement): () => void {
  const doc = host.ownerDocument;
  const sheets: CSSStyleSheet[] = [];
  const create = doc.createElement.bind(doc);
  const standIn = (): HTMLElement => {
    const sheet = new CSSStyleSheet();
    sheets.push(sheet);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    // A <template> is never rendered and its text is never applied as CSS.
    const element = create('template');
    Object.defineProperty(element, 'textContent', {
      get: () => '',
      set: (css: string | null) => sheet.replaceSync(css ?? ''),
    });
    return element;
  };
  doc.createElement = ((tag: string, options?: ElementCreationOptions) =>
    tag.toLowerCase() === 'style' ? standIn() : create(tag, options)) as typeof doc.createElement;
  try {
    term.open(host);
  } finally {
    // The stand-in was an own property over Document.prototype.createElement; removing it restores the original.
    delete (doc as { createElement?: unknown }).createElement;
  }
  return () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => !sheets.includes(s));
  };
}
