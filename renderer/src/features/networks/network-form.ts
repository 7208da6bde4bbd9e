/**
 * The create-network form to a NetworkCreateSpec. The page checks what it can as the user types, in the contract's
 * words; main checks again, and its answers (fieldErrors) go next to the same fields.
 */
import { parseLabelLine } from '../../../../shared/cli/containers.parse';
import { ipInSubnet, parseCidr, parseIpv4 } from '../../../../shared/cidr';
import type { NetworkCreateSpec } from '../../../../shared/dto/networks';
import type { BerthError } from '../../../../shared/result';

export interface NetworkForm {
  name: string;
  internal: boolean;
  attachable: boolean;
  subnet: string;
  gateway: string;
  labels: string;
}

export type NetworkField = 'name' | 'subnet' | 'gateway' | 'labels';

export const emptyNetworkForm = (): NetworkForm => ({
  name: '',
  internal: false,
  attachable: false,
  subnet: '',
  gateway: '',
  labels: '',
});

const FIELDS: readonly string[] = ['name', 'subnet', 'gateway', 'labels'];
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

/**
 * An error's messages by field: the contract's zod issues (INVALID_INPUT, `details.issues`) or the one field a
 * service names (`details.field`, e.g. an overlapping subnet or a taken name).
 */
export function fieldErrors(error: BerthError): Partial<Record<NetworkField, string>> {
  if (error.details === undefined) return {};
  const out: Partial<Record<NetworkField, string>> = {};
  const { issues, field } = error.details as { issues?: unknown; field?: unknown };
  if (error.code === 'INVALID_INPUT' && Array.isArray(issues)) {
    for (const issue of issues as { path?: unknown; message?: unknown }[]) {
      const key = typeof issue.path === 'string' ? issue.path.split('.')[0] : undefined;
      if (key !== undefined && FIELDS.includes(key) && typeof issue.message === 'string')
        out[key as NetworkField] ??= sentence(issue.message);
    }
  }
  if (typeof field === 'string' && FIELDS.includes(field)) out[field as NetworkField] = error.message;
  return out;
}

export function readNetworkForm(form: NetworkForm): {
  spec: NetworkCreateSpec;
  errors: Partial<Record<NetworkField, string>>;
} {
  const labels: Record<string, string> = {};
  let labelError: string | undefined;
  for (const line of form.labels.split('\n').map((l) => l.trim())) {
    if (line === '') continue;
    const parsed = parseLabelLine(line);
    if (!parsed.ok) labelError ??= parsed.error;
    else labels[parsed.value[0]] = parsed.value[1];
  }
  const subnet = form.subnet.trim();
  const gateway = form.gateway.trim();
  const spec: NetworkCreateSpec = {
    name: form.name.trim(),
    driver: 'bridge',
    internal: form.internal,
    attachable: form.attachable,
    ...(subnet !== '' ? { subnet } : {}),
    ...(gateway !== '' ? { gateway } : {}),
    labels,
  };
  const errors: Partial<Record<NetworkField, string>> = {};
  if (spec.name === '') errors.name = 'Give the network a name: containers use it to join.';
  else if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(spec.name))
    errors.name = 'A network name is letters, digits, "_", "." or "-", starting with a letter or digit.';
  const cidr = subnet === '' ? null : parseCidr(subnet);
  if (subnet !== '' && cidr === null) errors.subnet = 'The subnet is not in CIDR form, e.g. 172.28.0.0/16.';
  if (gateway !== '') {
    if (parseIpv4(gateway) === null) errors.gateway = 'The gateway is not an IPv4 address, e.g. 172.28.0.1.';
    else if (subnet === '') errors.gateway = 'A gateway needs a subnet to sit in.';
    else if (cidr !== null && !ipInSubnet(gateway, cidr))
      errors.gateway = `The gateway is not inside the subnet ${subnet}.`;
  }
  if (labelError !== undefined) errors.labels = labelError;
  return { spec, errors };
}
