// Type test, checked by `tsc` in `npm test`: the option types are written
// out (their JSDoc reaches the published declarations only that way), and
// here each is proven to accept exactly what its schema accepts. Every
// optional field is made required and every index signature dropped before
// the comparison, so a field missing on either side, or of another type,
// makes an assignment below fail to compile.
import type {
  OpenRouterChatOptions,
  OpenRouterDecisionSettings,
  OpenRouterEmbeddingOptions,
  OpenRouterImageApiSettings,
  OpenRouterImageOptions,
  OpenRouterResponsesOptions,
  OpenRouterVideoSettings,
} from 'ai-sdk-openrouter';
import type { z } from 'zod/v4';
import type { buildSchemas } from '../src/chat/openrouter-chat-options';
import type { buildDecisionOptionsSchema } from '../src/decision/openrouter-decision-options';
import type { buildEmbeddingOptionsSchema } from '../src/embedding/openrouter-embedding-options';
import type { buildImageOptionsSchema } from '../src/image/openrouter-image-options';
import type { buildResponsesOptionsSchema } from '../src/responses/openrouter-responses-options';
import type { buildVideoOptionsSchema } from '../src/video/openrouter-video-model-implementation';

type WithoutIndexSignature<T> = {
  [K in keyof T as string extends K
    ? never
    : number extends K
      ? never
      : K]: T[K];
};

/** Every field required, no index signature, at every depth. */
type Strict<T> = T extends string | number | boolean | null
  ? T
  : T extends readonly (infer Item)[]
    ? Strict<Item>[]
    : T extends object
      ? {
          [K in keyof WithoutIndexSignature<T>]-?: Strict<
            Exclude<T[K], undefined>
          >;
        }
      : T;

/** `true` when each type is assignable to the other once made strict. */
type SameShape<A, B> = [Strict<A>] extends [Strict<B>]
  ? [Strict<B>] extends [Strict<A>]
    ? true
    : false
  : false;

type Input<Build extends () => z.ZodType> = z.input<ReturnType<Build>>;
type ChatSchemas = ReturnType<typeof buildSchemas>;

export const chat: SameShape<
  OpenRouterChatOptions,
  z.input<ChatSchemas['chatOptionsSchema']>
> = true;

export const responses: SameShape<
  OpenRouterResponsesOptions,
  Input<typeof buildResponsesOptionsSchema>
> = true;

export const embedding: SameShape<
  OpenRouterEmbeddingOptions,
  Input<typeof buildEmbeddingOptionsSchema>
> = true;

export const decision: SameShape<
  OpenRouterDecisionSettings,
  Input<typeof buildDecisionOptionsSchema>
> = true;

export const video: SameShape<
  OpenRouterVideoSettings,
  Input<typeof buildVideoOptionsSchema>
> = true;

// The image API's settings, but `endpoint`, which the chat variant of the
// settings takes too; and its call options, whose values are JSON.
type ImageSchema = Input<typeof buildImageOptionsSchema>;
type WithoutEndpoint<T> = {
  [K in keyof WithoutIndexSignature<T> as K extends 'endpoint'
    ? never
    : K]: T[K];
};
export const imageSettings: SameShape<
  WithoutEndpoint<OpenRouterImageApiSettings>,
  WithoutEndpoint<ImageSchema>
> = true;
export const imageEndpoint: SameShape<
  NonNullable<ImageSchema['endpoint']>,
  'images' | 'chat'
> = true;
export const imageOptions: SameShape<
  keyof OpenRouterImageOptions,
  Exclude<keyof Strict<ImageSchema>, 'endpoint'>
> = true;

// The comparison can fail: a field missing on one side is caught…
// @ts-expect-error `user` is missing from the first type.
export const missingField: SameShape<
  Omit<OpenRouterEmbeddingOptions, 'user'>,
  Input<typeof buildEmbeddingOptionsSchema>
> = true;
// … and so is a narrower type.
// @ts-expect-error `dimensions` is narrower in the first type.
export const narrowerField: SameShape<
  OpenRouterEmbeddingOptions & { dimensions?: 256 | undefined },
  Input<typeof buildEmbeddingOptionsSchema>
> = true;
