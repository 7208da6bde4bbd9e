import { z } from 'zod';
import type {
  ComposeCli,
  ComposeEvent,
  ComposeFile,
  ProjectActionResult,
  ProjectRemovePreview,
  ProjectSummary,
} from '../dto/projects';
import { answers, request, stream } from './define';

/** Compose project names: what Compose itself accepts (v1 names may carry upper case and dots). */
export const projectName = z
  .string()
  .regex(
    /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/,
    'A project name is letters, digits, "_", "." or "-", starting with a letter or digit.',
  );

/** An absolute path on the machine running main; main resolves and checks it (projects/compose.path.ts). */
export const composePath = z
  .string()
  .min(1, 'Type the path of a compose file.')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'A path cannot contain a NUL character.')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'The compose file path must be absolute.');

const named = z.strictObject({ name: projectName });

export const composeRunInput = z.strictObject({
  path: composePath,
  verb: z.enum(['up', 'down', 'pull', 'restart']),
});

export const projectsRequests = {
  /** Every compose project on the engine, from its containers' labels, with its networks and volumes. */
  'projects:list': request(z.undefined(), answers<readonly ProjectSummary[]>()),
  'projects:start': request(named, answers<ProjectActionResult>()),
  'projects:stop': request(named, answers<ProjectActionResult>()),
  'projects:restart': request(named, answers<ProjectActionResult>()),
  'projects:pause': request(named, answers<ProjectActionResult>()),
  'projects:unpause': request(named, answers<ProjectActionResult>()),
  'projects:removePreview': request(named, answers<ProjectRemovePreview>()),
  'projects:remove': request(
    z.strictObject({ name: projectName, volumes: z.boolean() }),
    answers<ProjectActionResult>(),
  ),
  /** Reads a compose file: what it declares, with line numbers. */
  'projects:readFile': request(z.strictObject({ path: composePath }), answers<ComposeFile>()),
  /** Which Compose CLI is installed (v2 plugin first, then docker-compose v1). */
  'projects:cli': request(z.undefined(), answers<ComposeCli>()),
};

export const projectsStreams = {
  /** Runs `docker compose -f FILE up -d|down|pull|restart`; unsubscribing kills its process group. */
  'projects:compose': stream(composeRunInput, answers<ComposeEvent>()),
};
