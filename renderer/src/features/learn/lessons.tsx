import type { ReactNode } from 'react';
import { Command } from '../../ui/Command';
import type { Route } from '../../app/ui.slice';
import { Term } from './Term';

export interface Lesson {
  readonly id: string;
  readonly title: string;
  /** One line for the list of lessons. */
  readonly summary: string;
  readonly body: ReactNode;
  /** The live screen that shows the idea on the user's own engine. */
  readonly see: { readonly label: string; readonly route: Route };
  /** A command from the lesson to take apart in the explainer. */
  readonly example?: string;
  /** A guided tour that tries the idea out, when there is one. */
  readonly tryIt?: { readonly label: string; readonly route: Route };
}

const DATA_TOUR: Lesson['tryIt'] = { label: 'Try it in the second tour', route: { section: 'learn', id: 'tour-data' } };

export const LESSONS: readonly Lesson[] = [
  {
    id: 'image-and-container',
    example: 'docker run --name web nginx',
    title: 'Images and containers',
    summary: 'A template, and the things made from it.',
    body: (
      <>
        <p>
          An <Term name="image" /> is a template: the files a program needs (its code, libraries and tools) plus
          settings such as which command to start. It is read-only and does nothing by itself.
        </p>
        <p>
          A <Term name="container" /> is an instance made from an image. You can make many containers from one image;
          each gets its own name, its own processes and its own space for changes, and they do not see each other’s
          changes.
        </p>
        <Command>docker run --name web nginx</Command>
      </>
    ),
    see: { label: 'See your images', route: { section: 'images' } },
  },
  {
    id: 'layers',
    title: 'Layers and how they stack',
    summary: 'An image is a stack of read-only layers.',
    body: (
      <>
        <p>
          An image is made of <Term name="layer">layers</Term>. Each layer records the files that one build step added,
          changed or deleted. Stacked in order, they look like one complete filesystem.
        </p>
        <p>
          Layers are stored once. When two images start from the same base, they share those layers on disk, which is
          why adding up image sizes overstates the space they use.
        </p>
        <p>
          A later step cannot shrink an earlier layer. Deleting a file only adds a marker (a whiteout) that hides it,
          and overwriting one adds a second copy: the first bytes still ship with every pull. If step 4 downloads 120 MB
          of package lists that step 5 deletes, the image still carries those 120 MB; do both in one RUN. The Layers tab
          of an image lists this wasted space, biggest first, with the step that wrote each file and the step that hid
          it.
        </p>
        <Command>docker save nginx | tar -t</Command>
      </>
    ),
    see: { label: 'See shared layers', route: { section: 'learn', id: 'relationships' } },
  },
  {
    id: 'writable-layer',
    title: 'The writable container layer',
    summary: 'Where a container’s changes go.',
    body: (
      <>
        <p>
          A container adds one thin writable layer on top of its image’s read-only layers. Every file it creates,
          changes or deletes is recorded there; the image underneath never changes.
        </p>
        <p>
          <Command>docker diff web</Command> lists those changes. Removing the container throws its writable layer away,
          so keep data you care about in a <Term name="volume" />.
        </p>
        <p>
          A container page’s Files tab shows this layer: <em>Changes only</em> lists what <code>docker diff</code>{' '}
          lists, and <em>Whole filesystem</em> shows every file the container sees, its image’s layers with the writable
          layer on top, each change marked added, changed or deleted. Download and Upload files there copy a file or
          folder out and files in, like <Command>docker cp web:/etc/hostname .</Command>, even while the container is
          stopped.
        </p>
      </>
    ),
    see: { label: 'Try it in the tour', route: { section: 'learn', id: 'tour' } },
  },
  {
    id: 'where-data-lives',
    example: 'docker run -d -v pgdata:/var/lib/postgresql/data -e POSTGRES_PASSWORD=example postgres',
    title: 'Where data lives',
    summary: 'The writable layer, a volume, or a folder of your own.',
    body: (
      <>
        <p>
          Whatever a container writes goes to its own writable layer unless that path is mounted from somewhere else.
          The layer is fine for scratch files, but it is slow for heavy writing and it disappears with{' '}
          <code>docker rm</code>.
        </p>
        <p>
          A <Term name="volume" /> is a folder the engine keeps for you, outside every container. Mount it at a path and
          the files written there outlive the container; mount the same volume in the next one and the data is still
          there. Berth can list what is inside one, and export it to a tar file or import one into it.
        </p>
        <p>
          A bind mount puts a folder of the engine’s own machine into the container. You choose the folder and see the
          same files from both sides, which suits source code you edit; the container depends on that folder existing,
          so it moves less easily to another machine.
        </p>
        <Command>docker run -v pgdata:/var/lib/postgresql/data -v ./conf:/etc/app:ro postgres</Command>
      </>
    ),
    see: { label: 'See your volumes', route: { section: 'volumes' } },
    tryIt: DATA_TOUR,
  },
  {
    id: 'history',
    title: 'History',
    summary: 'Which step made which layer.',
    body: (
      <>
        <p>
          An image’s history lists the steps that built it, newest first. Steps that copy or create files add a layer
          and have a size; steps such as ENV, LABEL or CMD only change settings and add no files.
        </p>
        <Command>docker image history nginx</Command>
      </>
    ),
    see: { label: 'Open an image', route: { section: 'images' } },
  },
  {
    id: 'base-and-parent',
    title: 'Base and parent images',
    summary: 'What an image starts from.',
    body: (
      <>
        <p>
          Most Dockerfiles start with <code>FROM</code>: the image named there is the parent, and everything after adds
          layers on top of it. A base image has no parent: it starts <code>FROM scratch</code>, an empty filesystem.
        </p>
        <p>Images with the same parent share its layers, so a common base is downloaded and stored only once.</p>
      </>
    ),
    see: { label: 'See which images share layers', route: { section: 'learn', id: 'relationships' } },
  },
  {
    id: 'tags-digests-latest',
    title: 'Tags, digests and latest',
    summary: 'Names that move, and fingerprints that do not.',
    body: (
      <>
        <p>
          A <Term name="tag" /> such as <code>nginx:1.27</code> is a name for an image, and a name can be moved: after a
          new pull or build, the same tag may point at a different image.
        </p>
        <p>
          <code>latest</code> is only the tag Docker uses when you give none. It is not updated automatically and does
          not promise the newest version.
        </p>
        <p>
          A <Term name="digest" /> (<code>sha256:…</code>) is a fingerprint of the content. It always means exactly the
          same image, so it is the safe way to pin one.
        </p>
      </>
    ),
    see: { label: 'See tags and digests', route: { section: 'learn', id: 'relationships' } },
  },
  {
    id: 'registries',
    title: 'Registries and pushing',
    summary: 'Where images are shared.',
    body: (
      <>
        <p>
          A <Term name="registry" /> stores images: Docker Hub is a public one, and companies run private ones.{' '}
          <code>docker pull</code> downloads an image’s layers you do not have yet; <code>docker push</code> uploads the
          ones the registry does not have.
        </p>
        <p>
          Anyone can publish an image, so prefer official or verified publishers and check the name carefully:
          look-alike names are a known trick.
        </p>
        <Command>docker push registry.example.com/team/app:1.0</Command>
      </>
    ),
    see: { label: 'See your images', route: { section: 'images' } },
  },
  {
    id: 'making-images',
    example: 'docker build --tag app:1.0 .',
    title: 'Two ways to make an image',
    summary: 'Commit a container, or build from a Dockerfile.',
    body: (
      <>
        <p>
          <strong>Commit:</strong> change a running container by hand, then save its writable layer as a new layer of a
          new image with <code>docker commit</code>. Quick for experiments, but nobody can see how it was made.
        </p>
        <p>
          <strong>Dockerfile:</strong> write the steps in a file and run <code>docker build</code>. The build is
          repeatable and reviewable. A <code>.dockerignore</code> file beside it lists files the build should not send,
          such as secrets or large folders.
        </p>
        <Command>docker build --tag app:1.0 .</Command>
      </>
    ),
    see: { label: 'Do both in the tour', route: { section: 'learn', id: 'tour' } },
  },
  {
    id: 'lifecycle',
    title: 'The lifecycle and its states',
    summary: 'Created, running, paused, exited, removed.',
    body: (
      <>
        <p>
          <code>docker create</code> makes a container (created); <code>start</code> runs its main process (running);
          <code>pause</code> freezes it (paused); when the process ends or is stopped it is exited. An exited container
          keeps its writable layer until <code>docker rm</code> removes it.
        </p>
        <p>A container runs as long as its main process does: when that process ends, the container exits.</p>
      </>
    ),
    see: { label: 'See your containers', route: { section: 'containers' } },
  },
  {
    id: 'resources',
    title: 'Resources',
    summary: 'What images and containers cost.',
    body: (
      <>
        <p>
          An image only takes disk space. A running container also uses memory and CPU, like any program; a stopped one
          uses only the disk of its writable layer.
        </p>
        <p>
          Containers share the machine’s kernel instead of each running a whole operating system, which is why they
          start quickly and weigh little. A <Term name="port mapping" /> lets programs outside reach one inside.
        </p>
      </>
    ),
    see: { label: 'See what is running', route: { section: 'containers' } },
  },
  {
    id: 'networks-and-ports',
    example: 'docker run -d --network shop --name api -p 8080:80 my-api',
    title: 'Networks and ports',
    summary: 'How containers reach each other, and how you reach them.',
    body: (
      <>
        <p>
          Every container joins a network. On a network you created yourself, the engine answers name lookups: a
          container called <code>api</code> is reachable from the others on that network simply as <code>api</code>,
          plus any alias you gave it there. The default bridge network does not do this, so containers on it must use
          addresses, which change from run to run.
        </p>
        <p>
          Ports inside a container are closed to the outside by default. Publishing one with a{' '}
          <Term name="port mapping" /> makes the engine forward a port of the host to it: with <code>-p 8080:80</code>,
          a visit to port 8080 on the host reaches port 80 in the container. Containers on the same network need no
          publishing to talk to each other.
        </p>
        <Command>docker network create shop && docker run -d --network shop --name api my-api</Command>
      </>
    ),
    see: { label: 'See your networks', route: { section: 'networks' } },
    tryIt: DATA_TOUR,
  },
  {
    id: 'compose-projects',
    example: 'docker compose -p shop up -d --build web',
    title: 'Compose projects',
    summary: 'Several containers described in one file, run and stopped as one.',
    body: (
      <>
        <p>
          An application is often more than one <Term name="container" />: a web server, a database, a worker. Docker
          Compose describes them in one file, <code>compose.yaml</code>: each service names its <Term name="image" />,
          its ports, its <Term name="volume">volumes</Term> and what it depends on. <code>docker compose up</code> makes
          a <Term name="network" /> for the project, then creates and starts a container per service, the ones others
          depend on first.
        </p>
        <p>
          Compose keeps no database of its own. It writes labels on everything it makes (the project&apos;s name, the
          service, the folder and the files it came from), and later commands find the project again by those labels.
          That is how Berth lists projects it did not start, and can stop a whole one in the right order: dependents
          first, so nothing loses a service it still needs.
        </p>
        <p>
          <code>docker compose stop</code> keeps the containers and their writable layers;{' '}
          <code>docker compose down</code> removes the containers and the project&apos;s network, and keeps named
          volumes unless you add <code>--volumes</code>.
        </p>
        <Command>docker compose -p shop stop</Command>
      </>
    ),
    see: { label: 'See your compose projects', route: { section: 'projects' } },
  },
];
