// electron/main/bridge/bridge.transport.test.ts imports the transport from here; electron/ is being moved separately.
// Delete this file once that test imports renderer/src/platform/bridge.transport.
export * from '../platform/bridge.transport';
