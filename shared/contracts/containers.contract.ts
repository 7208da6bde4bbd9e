import { z } from 'zod';
import { CONTAINER_NAME } from '../cli/containers.parse';
import {
  PROTOCOLS,
  RESTART_POLICIES,
  type CommitResult,
  type ContainerChanges,
  type ContainerOverview,
  type CreatedContainer,
  type ExecChunk,
  type ProcessTable,
  type StatsSample,
} from '../dto/containers';
import type { ContainerSummary } from '../dto/lists';
import { BULK_MAX_ITEMS, CONTAINER_BULK_ACTIONS, type BulkResult, type ContainerLossPlan } from '../dto/bulk';
import type { EditPlan, RecreateResult } from '../dto/recreate';
import { answers, request, stream } from './define';

/** A container id (or its prefix) or a name, as the engine accepts them in a URL path. */
const containerRef = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/, 'not a container id or name');
const containerName = z.string().max(128).regex(CONTAINER_NAME, 'not a valid container name');
/** `repo[:tag][@digest]`, with registry host and path components. */
const imageRef = z
  .string()
  .max(255)
  .regex(/^[a-z0-9][a-z0-9._\-/:@]*$/i, 'not an image reference');
const repository = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/, 'not a repository name (lower case)');
const tag = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'not a tag');
const port = z.number().int().min(1).max(65535);
const text = (max: number) => z.string().max(max);
const timeout = z.number().int().min(0).max(3600);
const byId = z.strictObject({ id: containerRef });
const byTimeout = z.strictObject({ id: containerRef, timeout: timeout.optional() });
const sessionId = z.string().regex(/^[0-9a-f-]{36}$/, 'not a session id');

const portSpec = z.strictObject({
  hostIp: z.union([z.ipv4(), z.ipv6()]).optional(),
  hostPort: port.optional(),
  containerPort: port,
  protocol: z.enum(PROTOCOLS),
});

/**
 * Binds are sent as `SOURCE:TARGET[:ro]` strings, so neither side may hold a ":" (it would add options such as
 * relabelling or mount propagation that the form never shows). Same rules as the form's parseMountSpec.
 */
const mountSpec = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('bind'),
    source: text(4096).regex(/^\/[^:]*$/, 'must be an absolute host path without ":"'),
    target: text(4096).regex(/^\/[^:]*$/, 'must be an absolute path without ":"'),
    readOnly: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('volume'),
    source: z
      .string()
      .max(255)
      .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, 'not a volume name'),
    target: text(4096).regex(/^\/[^:]*$/, 'must be an absolute path without ":"'),
    readOnly: z.boolean(),
  }),
]);

export const runSpec = z.strictObject({
  image: imageRef,
  name: containerName.optional(),
  command: z.array(text(4096)).max(256).readonly().optional(),
  entrypoint: text(4096).min(1).optional(),
  env: z
    .array(text(32768).regex(/^[^=\s]+=/, 'not KEY=value'))
    .max(512)
    .readonly(),
  ports: z.array(portSpec).max(256).readonly(),
  mounts: z.array(mountSpec).max(64).readonly(),
  restart: z.enum(RESTART_POLICIES),
  maxRetries: z.number().int().min(0).max(1000).optional(),
  autoRemove: z.boolean(),
  interactive: z.boolean(),
  tty: z.boolean(),
  workingDir: text(4096).regex(/^\//, 'must be an absolute path').optional(),
  user: text(256)
    .regex(/^[a-zA-Z0-9_.-]+(:[a-zA-Z0-9_.-]+)?$/, 'not user[:group]')
    .optional(),
  labels: z
    .record(text(1024).min(1), text(32768))
    .refine((labels) => Object.keys(labels).length <= 256, 'at most 256 labels'),
  network: z
    .string()
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/, 'not a network name')
    .optional(),
  networkAliases: z
    .array(text(255).regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'an alias is letters, digits, "_", "." or "-"'))
    .max(32)
    .readonly()
    .optional(),
  cpus: z.number().positive('a CPU limit is more than 0').max(1024).optional(),
  memory: z
    .number()
    .int()
    .min(6 * 1024 * 1024, 'the engine needs at least 6 MB of memory for a container')
    .optional(),
});

export const containersRequests = {
  'containers:list': request(
    z.strictObject({ all: z.boolean().optional() }).optional(),
    answers<readonly ContainerSummary[]>(),
  ),
  'containers:inspect': request(byId, answers<ContainerOverview>()),
  'containers:inspectRaw': request(byId, answers<unknown>()),
  'containers:changes': request(byId, answers<ContainerChanges>()),
  'containers:top': request(byId, answers<ProcessTable>()),
  'containers:run': request(runSpec, answers<CreatedContainer>()),
  'containers:start': request(byId, answers<null>()),
  'containers:stop': request(byTimeout, answers<null>()),
  'containers:restart': request(byTimeout, answers<null>()),
  'containers:pause': request(byId, answers<null>()),
  'containers:unpause': request(byId, answers<null>()),
  'containers:kill': request(
    z.strictObject({
      id: containerRef,
      signal: z.string().regex(/^(SIG)?[A-Z0-9+-]{1,12}$|^\d{1,2}$/, 'not a signal'),
    }),
    answers<null>(),
  ),
  'containers:remove': request(
    z.strictObject({ id: containerRef, force: z.boolean(), volumes: z.boolean() }),
    answers<null>(),
  ),
  'containers:rename': request(z.strictObject({ id: containerRef, name: containerName }), answers<null>()),
  'containers:commit': request(
    z.strictObject({
      id: containerRef,
      repo: repository,
      tag: tag.optional(),
      message: text(2000).optional(),
      author: text(200).optional(),
    }),
    answers<CommitResult>(),
  ),
  /** One action on many containers; each item answers for itself (`docker rm a b c`). */
  'containers:bulk': request(
    z.strictObject({
      action: z.enum(CONTAINER_BULK_ACTIONS),
      ids: z.array(containerRef).min(1).max(BULK_MAX_ITEMS),
      force: z.boolean().optional(),
      volumes: z.boolean().optional(),
      timeout: timeout.optional(),
    }),
    answers<BulkResult>(),
  ),
  /** What removing these containers would destroy: writable-layer changes and volumes, for one confirmation. */
  'containers:lossPlan': request(
    z.strictObject({ ids: z.array(containerRef).min(1).max(BULK_MAX_ITEMS) }),
    answers<readonly ContainerLossPlan[]>(),
  ),
  /** A container's own settings as the run form takes them, and what recreating it would lose. */
  'containers:editPlan': request(byId, answers<EditPlan>()),
  /** Replaces a container with one made from an edited spec, under the same name; on failure the old one is back. */
  'containers:recreate': request(
    z.strictObject({
      id: containerRef,
      spec: runSpec,
      /** Secret-looking variables the renderer never saw: their current values go to the new container. */
      keepEnv: z
        .array(z.string().regex(/^[^=\s]+$/, 'not a variable name'))
        .max(512)
        .readonly(),
      /** Commit the writable layer to this image first, and make the new container from it. */
      commitAs: z.strictObject({ repo: repository, tag: tag.optional() }).optional(),
    }),
    answers<RecreateResult>(),
  ),
  'containers:execInput': request(z.strictObject({ sessionId, data: text(65536) }), answers<null>()),
  'containers:execResize': request(
    z.strictObject({ sessionId, cols: z.number().int().min(1).max(1000), rows: z.number().int().min(1).max(1000) }),
    answers<null>(),
  ),
};

export const containersStreams = {
  /** Live stats of up to 50 containers: the list asks for its visible running rows, a page for its one. */
  'containers:stats': stream(z.strictObject({ ids: z.array(containerRef).min(1).max(50) }), answers<StatsSample>()),
  /** An interactive TTY process in a running container; it lives as long as the subscription. */
  'containers:exec': stream(
    z.strictObject({
      id: containerRef,
      command: z.array(text(4096)).min(1).max(64).optional(),
      cols: z.number().int().min(1).max(1000),
      rows: z.number().int().min(1).max(1000),
    }),
    answers<ExecChunk>(),
  ),
};
