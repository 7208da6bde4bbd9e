/**
 * The names of every channel, without their schemas, so that the preload (which only forwards messages) does not
 * carry the validation library. shared/contract.ts must declare exactly these, which the compiler checks.
 * One channel a line, grouped by domain: each domain's schemas live in shared/contracts/<domain>.contract.ts.
 */
export const REQUEST_CHANNELS = [
  // engine
  'engine:status',
  'engine:retry',
  'engine:choices',
  'engine:use',
  // containers
  'containers:list',
  'containers:inspect',
  'containers:inspectRaw',
  'containers:changes',
  'containers:top',
  'containers:run',
  'containers:start',
  'containers:stop',
  'containers:restart',
  'containers:pause',
  'containers:unpause',
  'containers:kill',
  'containers:remove',
  'containers:rename',
  'containers:commit',
  'containers:execInput',
  'containers:execResize',
  'containers:bulk',
  'containers:lossPlan',
  'containers:editPlan',
  'containers:recreate',
  // images
  'images:list',
  'images:inspect',
  'images:tag',
  'images:remove',
  'images:bulkRemove',
  'images:prunePlan',
  'images:prune',
  'images:saveTicket',
  'images:loadTicket',
  // transcript
  'transcript:list',
  // tour
  'tour:plan',
  'tour:run',
  'tour:check',
  'tour:cleanup',
  // learn
  'learn:relationships',
  // settings
  'settings:get',
  'settings:update',
  // logs
  'logs:older',
  'logs:saveTicket',
  // build
  'build:preview',
  'build:history',
  'build:historyLog',
  // desktop (native dialogs; the browser mode answers NOT_SUPPORTED)
  'desktop:capabilities',
  'desktop:saveImage',
  'desktop:saveLog',
  'desktop:loadImage',
  'desktop:exportVolume',
  'desktop:importVolume',
  'desktop:pickFolder',
  'desktop:pickComposeFile',
  'desktop:pickTlsFile',
  // volumes
  'volumes:list',
  'volumes:usage',
  'volumes:inspect',
  'volumes:create',
  'volumes:removePreview',
  'volumes:remove',
  'volumes:bulkRemove',
  'volumes:prunePreview',
  'volumes:prune',
  'volumes:browse',
  'volumes:readFile',
  'volumes:exportTicket',
  'volumes:importTicket',
  // networks
  'networks:list',
  'networks:inspect',
  'networks:create',
  'networks:remove',
  'networks:bulkRemove',
  'networks:connect',
  'networks:disconnect',
  'networks:prunePreview',
  'networks:prune',
  // disk
  'disk:usage',
  'disk:prunePreview',
  'disk:prune',
  // layers (inside an image's layers, read from docker save)
  'layers:index',
  'layers:changes',
  'layers:merged',
  'layers:search',
  'layers:readFile',
  'layers:waste',
  // registries (logins kept the docker CLI's way)
  'registries:list',
  'registries:plan',
  'registries:login',
  'registries:logout',
  // projects (compose projects from labels, compose files through the Compose CLI)
  'projects:list',
  'projects:start',
  'projects:stop',
  'projects:restart',
  'projects:pause',
  'projects:unpause',
  'projects:removePreview',
  'projects:remove',
  'projects:readFile',
  'projects:cli',
  // files (a container's whole filesystem, docker cp in and out)
  'files:list',
  'files:downloadTicket',
  'files:uploadTicket',
  'files:saveToFile',
  'files:uploadFromFile',
  'files:layerFileTicket',
  'files:saveLayerFile',
] as const;

export const STREAM_CHANNELS = [
  // engine
  'engine:watch',
  'engine:events',
  // containers
  'containers:stats',
  'containers:exec',
  // images
  'images:pull',
  'images:push',
  // transcript
  'transcript:watch',
  // settings
  'settings:watch',
  // app (commands from the desktop shell's menus, tray and notifications)
  'app:commands',
  // logs
  'logs:follow',
  'logs:search',
  // build
  'build:run',
  // projects
  'projects:compose',
] as const;

export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export type StreamChannel = (typeof STREAM_CHANNELS)[number];
