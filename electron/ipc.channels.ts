/**
 * The Electron IPC channels besides the contract's request channels (which keep their own names): streams are
 * opened and closed with these, and every stream message travels on one channel tagged with its subscription id.
 */
export const IPC_SUBSCRIBE = 'berth:subscribe';
export const IPC_UNSUBSCRIBE = 'berth:unsubscribe';
export const IPC_STREAM = 'berth:stream';
