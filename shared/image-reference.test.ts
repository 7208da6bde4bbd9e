import { describe, expect, it } from 'vitest';
import { checkTagTarget, parseReference, withDefaultTag } from './image-reference';

describe('parseReference', () => {
  it.each([
    ['busybox', '', 'busybox', null],
    ['busybox:1.36', '', 'busybox', '1.36'],
    ['team/app:v2-rc.1', '', 'team/app', 'v2-rc.1'],
    ['127.0.0.1:5000/fx:1', '127.0.0.1:5000', 'fx', '1'],
    ['localhost/app', 'localhost', 'app', null],
    ['registry.example.com/a/b__c:latest', 'registry.example.com', 'a/b__c', 'latest'],
  ])('%s', (text, domain, path, tag) => {
    const parsed = parseReference(text);
    expect(parsed.ok && [parsed.value.domain, parsed.value.path, parsed.value.tag]).toEqual([domain, path, tag]);
  });

  it('accepts a digest', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const parsed = parseReference(`busybox@${digest}`);
    expect(parsed.ok && parsed.value.digest).toBe(digest);
  });

  it.each([
    ['', /Give the image a name/],
    ['My/App', /lowercase/],
    ['app:-bad', /not a valid tag/],
    ['app:', /not a valid tag/],
    ['a//b', /empty part/],
    ['app name', /spaces/],
    ['app_:1', /not allowed/],
    [`a:${'x'.repeat(129)}`, /at most 128/],
    ['bad host!/app', /spaces|not a valid registry/],
  ])('refuses %j with a sentence', (text, message) => {
    const parsed = parseReference(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});

describe('checkTagTarget', () => {
  it('refuses a digest in a new tag', () => {
    const parsed = checkTagTarget(`app@sha256:${'b'.repeat(64)}`);
    expect(!parsed.ok && parsed.message).toMatch(/cannot include a digest/);
  });
});

describe('withDefaultTag', () => {
  it('adds latest only where no tag or digest was given', () => {
    expect(withDefaultTag('busybox')).toBe('busybox:latest');
    expect(withDefaultTag('127.0.0.1:5000/fx')).toBe('127.0.0.1:5000/fx:latest');
    expect(withDefaultTag('busybox:1')).toBe('busybox:1');
  });
});
