/**
 * Section headers that add up: when a list shows more rows than there are things (one image under many tags,
 * containers grouped under compose projects), the header names both numbers. Pure.
 */

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "3 images, 203 tags" when images carry more names than one each; "3 images" otherwise. */
export function imagesCount(images: readonly { readonly repoTags: readonly string[] }[]): string {
  const tags = images.reduce((sum, i) => sum + i.repoTags.filter((t) => t !== '<none>:<none>').length, 0);
  const base = n(images.length, 'image', 'images');
  return tags > images.length ? `${base}, ${n(tags, 'tag', 'tags')}` : base;
}

/** "12 containers in 2 projects, 5 running", or without the projects when none is a compose project. */
export function containersCount(
  containers: readonly { readonly state: string; readonly labels: Readonly<Record<string, string>> }[],
  options: { readonly all: boolean; readonly projectLabel: string },
): string {
  const running = containers.filter((c) => c.state === 'running').length;
  const projects = new Set(containers.flatMap((c) => c.labels[options.projectLabel] ?? [])).size;
  const inProjects = projects === 0 ? '' : ` in ${n(projects, 'project', 'projects')}`;
  if (!options.all) return `${running} running${inProjects}`;
  return `${n(containers.length, 'container', 'containers')}${inProjects}, ${running} running`;
}
