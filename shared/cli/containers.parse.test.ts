import { describe, expect, it } from 'vitest';
import {
  checkContainerName,
  parseEnvLine,
  parseLabelLine,
  parseMountSpec,
  parsePortSpec,
  splitWords,
} from './containers.parse';

describe('parsePortSpec', () => {
  it('reads the forms `docker run -p` takes', () => {
    expect(parsePortSpec('8080:80')).toEqual({
      ok: true,
      value: { hostPort: 8080, containerPort: 80, protocol: 'tcp' },
    });
    expect(parsePortSpec('80')).toEqual({ ok: true, value: { containerPort: 80, protocol: 'tcp' } });
    expect(parsePortSpec('127.0.0.1:8080:80/udp')).toEqual({
      ok: true,
      value: { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'udp' },
    });
    expect(parsePortSpec('127.0.0.1::53/udp')).toEqual({
      ok: true,
      value: { hostIp: '127.0.0.1', containerPort: 53, protocol: 'udp' },
    });
    expect(parsePortSpec('[::1]:8080:80')).toMatchObject({ ok: true, value: { hostIp: '::1', hostPort: 8080 } });
  });

  it('says what is wrong with a bad one', () => {
    expect(parsePortSpec('8080:70000')).toEqual({ ok: false, error: 'The container port 70000 is outside 1–65535.' });
    expect(parsePortSpec('web:80')).toEqual({ ok: false, error: 'The host port "web" is not a number.' });
    expect(parsePortSpec('80/icmp')).toEqual({ ok: false, error: 'The protocol "icmp" is not tcp, udp or sctp.' });
    expect(parsePortSpec('1:2:3:4')).toMatchObject({ ok: false });
    expect(parsePortSpec('')).toMatchObject({ ok: false });
    expect(parsePortSpec('0:80')).toEqual({ ok: false, error: 'The host port 0 is outside 1–65535.' });
  });
});

describe('parseMountSpec', () => {
  it('tells binds from named volumes and reads :ro', () => {
    expect(parseMountSpec('/srv/data:/data:ro')).toEqual({
      ok: true,
      value: { type: 'bind', source: '/srv/data', target: '/data', readOnly: true },
    });
    expect(parseMountSpec('pgdata:/var/lib/postgresql')).toMatchObject({ ok: true, value: { type: 'volume' } });
    expect(parseMountSpec('pgdata:relative')).toMatchObject({ ok: false });
    expect(parseMountSpec('/a:/b:rx')).toEqual({ ok: false, error: 'The mode "rx" is not ro or rw.' });
    expect(parseMountSpec('just-one')).toMatchObject({ ok: false });
  });
});

describe('env, labels and names', () => {
  it('needs KEY=value', () => {
    expect(parseEnvLine('A=b=c')).toEqual({ ok: true, value: 'A=b=c' });
    expect(parseEnvLine('EMPTY=')).toEqual({ ok: true, value: 'EMPTY=' });
    expect(parseEnvLine('HOME')).toEqual({ ok: false, error: 'Give HOME a value: HOME=value.' });
    expect(parseEnvLine('=x')).toMatchObject({ ok: false });
    expect(parseLabelLine('tier=front')).toEqual({ ok: true, value: ['tier', 'front'] });
  });

  it('follows docker’s name rule', () => {
    expect(checkContainerName('web-1')).toBeNull();
    expect(checkContainerName('')).toBeNull();
    expect(checkContainerName('w')).toMatch(/at least two characters/);
    expect(checkContainerName('-web')).toMatch(/starts with a letter or digit/);
    expect(checkContainerName('my web')).not.toBeNull();
  });
});

describe('splitWords', () => {
  it('splits like a shell, without expansion', () => {
    expect(splitWords(`sh -c 'echo "hi there"; exit 3'`)).toEqual({
      ok: true,
      value: ['sh', '-c', 'echo "hi there"; exit 3'],
    });
    expect(splitWords(`a\\ b "c\\"d" '' $HOME`)).toEqual({ ok: true, value: ['a b', 'c"d', '', '$HOME'] });
    expect(splitWords('  ')).toEqual({ ok: true, value: [] });
    expect(splitWords(`echo 'open`)).toEqual({ ok: false, error: 'A single quote is not closed.' });
  });
});
