/**
 * window.berth, derived from the contract: `berth.<domain>.<verb>(input)` for requests and
 * `berth.<domain>.<verb>(input, listener)` for streams. The same builder serves the Electron preload and the
 * browser bridge client, so the renderer cannot tell which transport it has.
 */
import { REQUEST_CHANNELS, STREAM_CHANNELS, type RequestChannel, type StreamChannel } from './channels';
import type { RequestInput, RequestOutput, StreamChunk, StreamInput } from './contract';
import type { Result } from './result';
import type { StreamMessage, Unsubscribe } from './stream';

export interface Transport {
  request(channel: string, input: unknown): Promise<Result<unknown>>;
  subscribe(channel: string, input: unknown, listener: (message: StreamMessage<unknown>) => void): Unsubscribe;
}

type Args<I> = undefined extends I ? [input?: I] : [input: I];

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type Domain = DomainOf<RequestChannel | StreamChannel>;

type RequestMethods<D extends string> = {
  [C in RequestChannel as C extends `${D}:${infer V}` ? V : never]: (
    ...args: Args<RequestInput<C>>
  ) => Promise<Result<RequestOutput<C>>>;
};

type StreamMethods<D extends string> = {
  [C in StreamChannel as C extends `${D}:${infer V}` ? V : never]: (
    input: StreamInput<C>,
    listener: (message: StreamMessage<StreamChunk<C>>) => void,
  ) => Unsubscribe;
};

export type BerthApi = { readonly [D in Domain]: RequestMethods<D> & StreamMethods<D> };

function split(channel: string): [string, string] {
  const at = channel.indexOf(':');
  return [channel.slice(0, at), channel.slice(at + 1)];
}

export function buildBerthApi(transport: Transport): BerthApi {
  const api: Record<string, Record<string, unknown>> = {};
  const domain = (name: string) => (api[name] ??= {});
  for (const channel of REQUEST_CHANNELS) {
    const [d, verb] = split(channel);
    domain(d)[verb] = (input?: unknown) => transport.request(channel, input);
  }
  for (const channel of STREAM_CHANNELS) {
    const [d, verb] = split(channel);
    domain(d)[verb] = (input: unknown, listener: (message: StreamMessage<unknown>) => void) =>
      transport.subscribe(channel, input, listener);
  }
  return api as unknown as BerthApi;
}
