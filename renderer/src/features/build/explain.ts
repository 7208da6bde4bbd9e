/** The short explanations the Build screen shows beside steps and layers. Plain sentences, written for newcomers. */

export const EMPTY_LAYER_EXPLAINER =
  'Some instructions change settings, not files: ENV, CMD, ENTRYPOINT, LABEL, EXPOSE, ARG, USER and the like. ' +
  'The engine still writes one history entry for each of them, so they appear as layers of 0 B. Nothing is ' +
  'stored on disk for them; the setting lives in the image configuration.';

export const CACHE_EXPLAINER =
  'On the next build the engine goes through the steps in order and reuses a step when the step before it was ' +
  'reused and the instruction is unchanged. For COPY and ADD it also compares the files being copied. The first ' +
  'step that differs runs again, and so does every step after it. That is why instructions that change often, ' +
  'such as copying your source code, belong near the end of a Dockerfile.';

export const OTHER_WAY_EXPLAINER =
  'The other way to make an image: run a container, change things inside it, then commit the container as a new ' +
  'image. It is handy for trying things out; a Dockerfile keeps every step written down and repeatable.';

export const CONTEXT_EXPLAINER =
  'The context is the folder the engine receives. COPY and ADD can only reach files inside it, and everything ' +
  'in it is sent, except what .dockerignore leaves out.';

export function buildFilesNote(files: readonly string[]): string {
  const names = files.join(' and ');
  return `.dockerignore matches ${names}. ${files.length > 1 ? 'They are' : 'It is'} still sent so the engine can read ${files.length > 1 ? 'them' : 'it'}, but COPY and ADD will not see ${files.length > 1 ? 'them' : 'it'}.`;
}
