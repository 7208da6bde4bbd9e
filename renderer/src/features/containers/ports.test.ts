import { describe, expect, it } from 'vitest';
import { formatPorts } from './ports';

describe('formatPorts', () => {
  it('shows a published port with its host address and an exposed one alone', () => {
    expect(
      formatPorts([
        { privatePort: 80, publicPort: 8080, ip: '127.0.0.1', type: 'tcp' },
        { privatePort: 53, type: 'udp' },
      ]),
    ).toEqual(['53/udp', '127.0.0.1:8080→80/tcp']);
  });

  it('lists a port published on both address families once', () => {
    expect(
      formatPorts([
        { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp' },
        { privatePort: 80, publicPort: 8080, ip: '::', type: 'tcp' },
      ]),
    ).toEqual(['0.0.0.0:8080→80/tcp']);
  });

  it('brackets a specific IPv6 address', () => {
    expect(formatPorts([{ privatePort: 22, publicPort: 2222, ip: '::1', type: 'tcp' }])).toEqual(['[::1]:2222→22/tcp']);
  });

  it('returns nothing for a container without ports', () => {
    expect(formatPorts([])).toEqual([]);
  });
});
