import { buildBerthApi } from '../../../shared/api';
import type { BerthError } from '../../../shared/result';
import { createBridgeTransport } from './bridge.transport';

const NO_TOKEN =
  'This page was opened without its access token. Open the full address that `npm run serve` printed, token included.';
const BRIDGE_LOST =
  'The page lost its connection to the Berth server. Berth keeps trying to reconnect; if you stopped the server, start it again with `npm run serve` and open the address it prints.';

/** Hears whether the bridge socket is up (the engine slice's linkDown/linkUp). */
export interface LinkListener {
  linkDown(error: BerthError): void;
  linkUp(): void;
}

/**
 * Browser mode: no preload defined window.berth, so it is built on the WebSocket bridge. Returns null in the desktop
 * app, else a function that reports the bridge's link state to the store once there is one.
 */
export function connectBrowserMode(): ((link: LinkListener) => void) | null {
  if (window.berth !== undefined) return null;
  const transport = createBridgeTransport();
  window.berth = buildBerthApi(transport);
  return (link) => {
    // Without a token the transport never connects and never changes state: say so at once.
    if (transport.state === 'disconnected') link.linkDown({ code: 'BRIDGE_DISCONNECTED', message: NO_TOKEN });
    transport.onState((state) => {
      if (state === 'disconnected') link.linkDown({ code: 'BRIDGE_DISCONNECTED', message: BRIDGE_LOST });
      else if (state === 'connected') link.linkUp();
    });
  };
}
