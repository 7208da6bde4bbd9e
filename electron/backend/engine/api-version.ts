/**
 * API version negotiation, as the docker CLI does it: Berth speaks the lower of its own newest version and the
 * engine's, so it never asks an engine for more than it offers, and a newer engine answers in the shapes Berth's
 * mappers were written for.
 */

/** The newest Engine API whose shapes Berth's mappers are tested on (fixtures for 1.41, 1.44, 1.47 and 1.51). */
export const CLIENT_API_VERSION = '1.51';

const parse = (v: string): [number, number] | null => {
  const m = /^v?(\d+)\.(\d+)$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
};

export function compareApiVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return 0;
  return x[0] - y[0] || x[1] - y[1];
}

/** The version to put in request paths; the engine's own when it is older or cannot be read as one. */
export function negotiateApiVersion(engineApi: string, clientApi: string = CLIENT_API_VERSION): string {
  if (parse(engineApi) === null) return clientApi;
  return compareApiVersions(engineApi, clientApi) < 0 ? engineApi.replace(/^v/, '') : clientApi;
}
