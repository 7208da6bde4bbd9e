/** Where the browser bridge's WebSocket lives. Apart from wire.ts so that the page can import it without zod. */
export const BRIDGE_API_PATH = '/api';
