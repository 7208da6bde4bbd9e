import { z } from 'zod';
import type { NetworkPrunePreview, NetworkPruneResult, NetworkSummary } from '../dto/networks';
import { BULK_MAX_ITEMS, type BulkResult } from '../dto/bulk';
import { answers, request } from './define';
import { ipInSubnet, parseCidr } from '../cidr';

/** Network names follow the engine's rule for object names. */
export const networkName = z
  .string()
  .max(255, 'a network name has at most 255 characters')
  .regex(
    /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,
    'a network name is letters, digits, "_", "." or "-", starting with a letter or digit',
  );
/** A network id (or prefix) or name. */
const networkRef = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/, 'not a network id or name');
const containerRef = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/, 'not a container id or name');
const alias = z
  .string()
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'an alias is letters, digits, "_", "." or "-"');

export const networkCreateSpec = z
  .strictObject({
    name: networkName,
    driver: z.literal('bridge', 'Berth creates bridge networks only'),
    internal: z.boolean(),
    attachable: z.boolean(),
    subnet: z
      .string()
      .max(64)
      .refine((s) => parseCidr(s) !== null, 'the subnet is not in CIDR form, e.g. 172.28.0.0/16')
      .optional(),
    gateway: z.ipv4('the gateway is not an IPv4 address, e.g. 172.28.0.1').optional(),
    labels: z
      .record(
        z
          .string()
          .min(1)
          .max(1024)
          .regex(/^[^=]+$/, 'a label key has no "="'),
        z.string().max(32768),
      )
      .refine((labels) => Object.keys(labels).length <= 256, 'at most 256 labels'),
  })
  .superRefine((spec, ctx) => {
    if (spec.gateway === undefined) return;
    if (spec.subnet === undefined) {
      ctx.addIssue({ code: 'custom', path: ['gateway'], message: 'a gateway needs a subnet to sit in' });
      return;
    }
    const subnet = parseCidr(spec.subnet);
    if (subnet && !ipInSubnet(spec.gateway, subnet))
      ctx.addIssue({
        code: 'custom',
        path: ['gateway'],
        message: `the gateway is not inside the subnet ${spec.subnet}`,
      });
  });

export const networksRequests = {
  /** Every network with the containers on it (each network is inspected: the list API leaves them out). */
  'networks:list': request(z.undefined(), answers<readonly NetworkSummary[]>()),
  'networks:inspect': request(z.strictObject({ id: networkRef }), answers<NetworkSummary>()),
  'networks:create': request(networkCreateSpec, answers<NetworkSummary>()),
  'networks:remove': request(z.strictObject({ id: networkRef }), answers<null>()),
  /** Removes many networks at once; each answers for itself (`docker network rm a b c`). */
  'networks:bulkRemove': request(
    z.strictObject({ ids: z.array(networkRef).min(1).max(BULK_MAX_ITEMS) }),
    answers<BulkResult>(),
  ),
  'networks:connect': request(
    z.strictObject({ network: networkRef, container: containerRef, aliases: z.array(alias).max(32) }),
    answers<null>(),
  ),
  'networks:disconnect': request(
    z.strictObject({ network: networkRef, container: containerRef, force: z.boolean().optional() }),
    answers<null>(),
  ),
  'networks:prunePreview': request(z.undefined(), answers<NetworkPrunePreview>()),
  'networks:prune': request(z.undefined(), answers<NetworkPruneResult>()),
};
