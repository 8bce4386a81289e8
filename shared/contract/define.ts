import type { z } from 'zod';

/** One API channel: a zod schema for its input and one for its output. */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

/**
 * Declares a channel; the generic parameters keep each schema's exact type. What a channel does is
 * said in the comment above its declaration (and in the README's API table).
 */
export function channel<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
): ChannelDef<I, O> {
  return { input, output };
}

/** The envelope every host answers with. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ApiError {
  /** Machine-readable: BadInput, NotFound, Unauthorized, Forbidden, Internal, or a DynamoDB error name. */
  code: string;
  message: string;
  /** A command that fixes it (an SSO login), when the error names one. */
  fix?: string;
}
