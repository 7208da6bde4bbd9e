/**
 * Links printed in the exec terminal (OSC 8 hyperlinks, which any program in the container can emit) open only
 * when they are plain http(s) addresses and the user confirms: a container's output is not trusted. Pure.
 */

/** The address to open, or null for anything but http: and https: (file:, javascript:, custom schemes ...). */
export function terminalLinkTarget(uri: string): string | null {
  if (uri.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** What the confirmation says, naming the address in full so that a look-alike is visible. */
export const terminalLinkQuestion = (target: string): string =>
  `Open this address in your browser?\n\n${target}\n\nIt was printed by a program in the container.`;

/** xterm's linkHandler: asks, then opens in a new window with no way back to this page. */
export function terminalLinkHandler(
  confirm: (question: string) => boolean,
  open: (url: string) => void,
): { activate(event: MouseEvent, uri: string): void; allowNonHttpProtocols: false } {
  return {
    allowNonHttpProtocols: false,
    activate: (_event, uri) => {
      const target = terminalLinkTarget(uri);
      if (target !== null && confirm(terminalLinkQuestion(target))) open(target);
    },
  };
}
