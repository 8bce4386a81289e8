import type { ApiError, BackendEvent, ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import { getTransport } from './transport';

/** A failed call, carrying the backend's error code and message. */
export class ApiCallError extends Error {
  readonly code: string;
  /** A command that fixes it, when the backend names one (an SSO login). */
  readonly fix: string | undefined;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.fix = error.fix;
  }
}

/** Calls one channel; resolves with its value or rejects with an ApiCallError. */
export async function call<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const envelope = await getTransport().call(channel, input);
  if (!envelope.ok) throw new ApiCallError(envelope.error);
  return envelope.value as ChannelOutput<C>;
}

/** Subscribes to backend events of one type. */
export function onEvent<T extends BackendEvent['type']>(
  type: T,
  listener: (event: Extract<BackendEvent, { type: T }>) => void,
): () => void {
  return getTransport().onEvent((event) => {
    if (event.type === type) listener(event as Extract<BackendEvent, { type: T }>);
  });
}
