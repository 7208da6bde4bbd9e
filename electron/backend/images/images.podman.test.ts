/** Where Podman differs from Docker, the image mappers say so in words (history and inspect as Podman 4.3 answers). */
import { describe, expect, it } from 'vitest';
import { familiarName, imageNotes } from './images.mapper';
import { MISSING_ID_NOTE, buildSteps } from './images.layers';

// GET /images/localhost/berth-fixture/busybox:1/history from Podman 4.3.1 (buildah comments, one <missing> id).
const PODMAN_HISTORY = [
  {
    Id: '3574c4a28329af83',
    Created: 1796301145,
    CreatedBy: '/bin/sh -c #(nop) CMD ["sh"]',
    Tags: null,
    Size: 0,
    Comment: 'FROM 3574c4a28329',
  },
  {
    Id: '<missing>',
    Created: 1796301145,
    CreatedBy: '/bin/sh -c ["/bin/busybox","--install","-s","/bin"]',
    Tags: null,
    Size: 142848,
    Comment: 'FROM fdf907a4234d',
  },
  {
    Id: 'fdf907a4234d76a8',
    Created: 1796301143,
    CreatedBy: '/bin/sh -c #(nop) COPY file:01b0 in /bin/busybox ',
    Tags: null,
    Size: 1984512,
    Comment: '',
  },
];

describe('Podman in words', () => {
  it('turns a <missing> history id into null with a sentence, and keeps real ids', () => {
    const { steps } = buildSteps(PODMAN_HISTORY, ['sha256:a', 'sha256:b'], []);
    expect(steps.map((s) => s.id)).toEqual(['fdf907a4234d76a8', null, '3574c4a28329af83']);
    expect(steps[1]?.idNote).toBe(MISSING_ID_NOTE);
    expect(steps[0]?.idNote).toBeUndefined();
    expect(JSON.stringify(steps)).not.toContain('<missing>');
    expect(steps.filter((s) => s.layer !== null).map((s) => s.layer)).toEqual(['sha256:a', 'sha256:b']);
  });

  it('shortens docker.io/library/ names as the docker CLI prints them, and keeps the others', () => {
    expect(familiarName('docker.io/library/berth-x:1')).toBe('berth-x:1');
    expect(familiarName('docker.io/grafana/grafana:11')).toBe('grafana/grafana:11');
    expect(familiarName('docker.io/library/a/b:1')).toBe('library/a/b:1');
    expect(familiarName('localhost/berth-fixture/busybox:1')).toBe('localhost/berth-fixture/busybox:1');
    expect(familiarName('quay.io/podman/hello:latest')).toBe('quay.io/podman/hello:latest');
    expect(familiarName('busybox:1')).toBe('busybox:1');
  });

  it('explains localhost/ names and says nothing about registry names', () => {
    const [note] = imageNotes(['localhost/berth-fixture/busybox:1']);
    expect(note).toContain('Podman');
    expect(note).toContain('berth-fixture/busybox:1');
    expect(imageNotes(['docker.io/library/alpine:3', 'berth-fixture/busybox:1'])).toEqual([]);
    expect(imageNotes(['localhost:5000/app:1'])).toEqual([]);
  });
});
