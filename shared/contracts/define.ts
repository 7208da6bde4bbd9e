import type { z } from 'zod';

/** Carries a result type without a runtime value. */
export const answers = <T>(): T => undefined as T;

export const request = <I extends z.ZodType, O>(input: I, output: O) => ({ input, output });
export const stream = <I extends z.ZodType, C>(input: I, chunk: C) => ({ input, chunk });
