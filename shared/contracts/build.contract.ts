import { z } from 'zod';
import type { BuildEvent, BuildHistoryEntry, BuildHistoryLog, ContextPreview } from '../dto/build';
import { answers, request, stream } from './define';

/** An absolute folder on the machine running main; main checks it exists. */
const contextPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'A path cannot contain a NUL character.')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'The context must be an absolute path.');

/** A file inside the context: relative, and never climbing out of it. */
const dockerfile = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => !p.includes('\0'), 'A path cannot contain a NUL character.')
  .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p), 'The Dockerfile path is relative to the context.')
  .refine((p) => !p.split(/[\\/]/).includes('..'), 'The Dockerfile must be inside the context.');

/** `[registry[:port]/]name[/name...][:tag]` with Docker's lowercase name components. */
const TAG =
  /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/;
export const imageTag = z.string().max(255).regex(TAG, 'A tag looks like name:tag, in lowercase (e.g. my-app:1.0).');

export const buildArgName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'A build arg name is letters, digits and _.');

export const buildStage = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, 'A stage name is letters, digits, _ . -.');

export const previewInput = z.strictObject({ contextPath, dockerfile: dockerfile.optional() });

export const buildInput = z.strictObject({
  contextPath,
  dockerfile: dockerfile.optional(),
  tags: z.array(imageTag).max(16).optional(),
  buildArgs: z
    .record(buildArgName, z.string().max(4096))
    .refine((r) => Object.keys(r).length <= 64, 'At most 64 build args.')
    .optional(),
  target: buildStage.optional(),
  noCache: z.boolean().optional(),
  pull: z.boolean().optional(),
  network: z.enum(['default', 'none', 'host']).optional(),
  builder: z.enum(['auto', 'buildkit', 'classic']).optional(),
  platform: z
    .string()
    .regex(/^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/, 'A platform looks like linux/amd64 or linux/arm64/v8.')
    .optional(),
  labels: z
    .record(
      z
        .string()
        .min(1)
        .max(256)
        .regex(/^[^\s=]+$/, 'A label key has no spaces or =.'),
      z.string().max(4096),
    )
    .refine((r) => Object.keys(r).length <= 64, 'At most 64 labels.')
    .optional(),
  secrets: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/, 'A secret id is letters, digits, _ . -.'),
        source: z.enum(['file', 'env']),
        from: z
          .string()
          .min(1)
          .max(4096)
          .refine((p) => !p.includes('\0'), 'A path cannot contain a NUL character.'),
      }),
    )
    .max(16)
    .refine((list) => new Set(list.map((s) => s.id)).size === list.length, 'Each secret id may be given once.')
    .optional(),
});

export const buildRequests = {
  'build:preview': request(previewInput, answers<ContextPreview>()),
  'build:history': request(z.undefined(), answers<readonly BuildHistoryEntry[]>()),
  'build:historyLog': request(z.strictObject({ id: z.uuid() }), answers<BuildHistoryLog>()),
};

export const buildStreams = {
  'build:run': stream(buildInput, answers<BuildEvent>()),
};
