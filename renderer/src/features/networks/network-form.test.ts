import { describe, expect, it } from 'vitest';
import { createNetworkAction } from '../../../../shared/cli/networks.cli';
import { emptyNetworkForm, fieldErrors, readNetworkForm } from './network-form';

describe('the create-network form', () => {
  it('makes the docker network create line from the fields', () => {
    const { spec, errors } = readNetworkForm({
      ...emptyNetworkForm(),
      name: 'appnet',
      internal: true,
      subnet: '172.28.0.0/16',
      gateway: '172.28.0.1',
      labels: 'team=web',
    });
    expect(errors).toEqual({});
    expect(createNetworkAction(spec).command).toBe(
      'docker network create --driver bridge --internal --subnet 172.28.0.0/16 --gateway 172.28.0.1 --label team=web appnet',
    );
  });

  it("puts the contract's messages next to their fields", () => {
    const { errors } = readNetworkForm({
      ...emptyNetworkForm(),
      name: 'ok',
      subnet: '10.0.0.0/8',
      gateway: '11.0.0.1',
    });
    expect(errors).toEqual({ gateway: 'The gateway is not inside the subnet 10.0.0.0/8.' });
    expect(readNetworkForm({ ...emptyNetworkForm(), name: 'x', subnet: 'nope' }).errors.subnet).toMatch(/CIDR/);
    expect(readNetworkForm({ ...emptyNetworkForm(), name: 'x', gateway: '10.0.0.1' }).errors.gateway).toBe(
      'A gateway needs a subnet to sit in.',
    );
    expect(readNetworkForm(emptyNetworkForm()).errors.name).toMatch(/Give the network a name/);
  });

  it("reads the engine's INVALID_INPUT answers by field", () => {
    expect(
      fieldErrors({
        code: 'INVALID_INPUT',
        message: 'The subnet overlaps network other.',
        details: { field: 'subnet' },
      }),
    ).toEqual({ subnet: 'The subnet overlaps network other.' });
    expect(
      fieldErrors({
        code: 'INVALID_INPUT',
        message: 'bad',
        details: { issues: [{ path: 'gateway', message: 'the gateway is not an IPv4 address' }] },
      }),
    ).toEqual({ gateway: 'The gateway is not an IPv4 address.' });
    expect(fieldErrors({ code: 'CONFLICT', message: 'Taken.', details: { field: 'name' } })).toEqual({
      name: 'Taken.',
    });
    expect(fieldErrors({ code: 'ENGINE_ERROR', message: 'Down.' })).toEqual({});
  });
});
