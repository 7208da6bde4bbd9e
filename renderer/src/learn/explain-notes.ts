// electron/main/docker/learn.service.int.test.ts imports from here; electron/ is being moved separately.
// Delete this file once that test imports renderer/src/features/learn/explain-notes.
export * from '../features/learn/explain-notes';
