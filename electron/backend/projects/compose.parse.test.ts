import { describe, expect, it } from 'vitest';
import { lineOfError, parseCompose } from './compose.parse';
import { problemsFrom } from './compose.service';

const TEXT = `services:
  web:
    image: nginx:1
    ports:
      - "8080:80"
      - target: 443
        published: 8443
    depends_on: [db]
    imagee: typo
  db:
    build: ./db
    volumes:
      - data:/var/lib/db
    networks:
      back: {}
networks:
  back:
volumes:
  data:
`;

describe('parseCompose', () => {
  it('says what the file declares, at its lines', () => {
    const parsed = parseCompose(TEXT);
    expect(parsed.problems).toEqual([]);
    expect(parsed.services).toEqual([
      {
        name: 'web',
        line: 2,
        image: 'nginx:1',
        build: null,
        ports: ['8080:80', '8443:443'],
        volumes: [],
        networks: [],
        dependsOn: ['db'],
      },
      {
        name: 'db',
        line: 10,
        image: null,
        build: './db',
        ports: [],
        volumes: ['data:/var/lib/db'],
        networks: ['back'],
        dependsOn: [],
      },
    ]);
    expect(parsed.networks).toEqual([{ name: 'back', line: 17 }]);
    expect(parsed.volumes).toEqual([{ name: 'data', line: 19 }]);
  });

  it('reports a YAML syntax error at its line, and a file without services', () => {
    expect(parseCompose('services:\n  web:\n    image: [oops\n').problems[0]?.line).toBeGreaterThanOrEqual(3);
    expect(parseCompose('services: {}\n').problems).toEqual([{ line: 1, message: 'The file declares no services.' }]);
    expect(parseCompose('- a\n').problems[0]?.message).toMatch(/map/);
  });
});

describe('lineOfError', () => {
  const { lines } = parseCompose(TEXT);
  it.each([
    ["Unsupported config option for services.web: 'imagee'", 9],
    ['services.web Additional property imagee is not allowed', 9],
    ['services.web.ports contains an invalid type, it should be an array', 4],
    ["services.db.volumes.0 'data' is bad", 13],
    ["validating compose.yaml: services.web additional properties 'imagee' not allowed", 9],
  ])('%s -> line %i', (message, line) => {
    expect(lineOfError(message, lines)).toBe(line);
  });

  it('does not take a longer name for a shorter one, nor a common word for a key', () => {
    expect(lineOfError('services.webapp is unknown', lines)).toBeNull();
    expect(lineOfError('Creating network with services and volumes', lines)).toBeNull();
    expect(lineOfError('yaml: line 7: did not find expected key', lines)).toBe(7);
  });

  it('keeps the last output lines when no line names a key', () => {
    expect(problemsFrom('Pulling web\nERROR: pull access denied\n', lines)).toEqual([
      { line: null, message: 'pull access denied' },
    ]);
  });
});
