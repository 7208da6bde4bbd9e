/**
 * The store's state, as one interface that each slice extends from its own file by declaration merging
 * (`declare module '../../app/state' { interface BerthState extends XSlice {} }`). A slice can then name the whole
 * state it lives in without importing the store that imports it, so no import runs in a circle; and the store,
 * which must build every member, fails to compile when a slice is left out of it.
 */
import type { StoreApi } from 'zustand/vanilla';

// Empty here on purpose: the slices fill it in.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BerthState {}

export type BerthStore = StoreApi<BerthState>;
