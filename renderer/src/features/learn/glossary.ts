/** The terms Berth explains wherever they appear (see Term.tsx), each in one or two plain sentences. */
export const GLOSSARY = {
  image:
    'A read-only template for containers: a stack of layers holding a program and everything it needs, plus settings such as the command to run.',
  layer:
    'One read-only set of file changes (files added, changed or deleted). An image is layers stacked in order; images that share a base share those layers on disk.',
  container:
    'A running (or stopped) instance of an image: the image’s layers plus a thin writable layer of its own, and its own processes, name and settings.',
  tag: 'A human-friendly name for an image, such as nginx:1.27. A tag can be moved to a different image at any time; “latest” is only the name used when you give none.',
  digest:
    'A fingerprint of an image’s content (sha256:…). Unlike a tag, a digest always points at exactly the same image.',
  registry: 'A server that stores images so they can be pulled and pushed, such as Docker Hub or a private registry.',
  volume:
    'Storage managed by Docker that lives outside any container’s writable layer, so its data survives when the container is removed.',
  network:
    'A virtual network the engine makes for containers. Containers on the same user-defined network reach each other by name; publishing a port is what lets the outside in.',
  'port mapping':
    'A rule that forwards a port on your machine to a port inside a container, such as 8080 on your machine to 80 in the container.',
} as const;

export type GlossaryTerm = keyof typeof GLOSSARY;

export const GLOSSARY_TERMS = Object.keys(GLOSSARY) as GlossaryTerm[];

/** Finds a term by any common spelling in running text ("Images", "port mappings", "tags"). */
export function glossaryTerm(word: string): GlossaryTerm | undefined {
  const plain = word.trim().toLowerCase().replace(/\s+/g, ' ');
  const singular = plain.endsWith('s') ? plain.slice(0, -1) : plain;
  return GLOSSARY_TERMS.find((term) => term === plain || term === singular);
}
