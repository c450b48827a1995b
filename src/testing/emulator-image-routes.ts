import { deflateSync } from 'node:zlib';
import { estimateTokens } from './emulator-chat-model';
import { EmulatorRequestError, requireIntegerInRange } from './emulator-limits';
import { type EmulatorRoute, errorReply, jsonReply } from './emulator-routes';

/** `n` as OpenRouter's image API documents it: 1 to 10 images a request. */
export const IMAGE_COUNT_RANGE = { min: 1, max: 10 } as const;
/** `output_compression`: 0 to 100. */
const OUTPUT_COMPRESSION_RANGE = { min: 0, max: 100 } as const;
/** Emulated price of one generated image, in USD. */
export const EMULATOR_COST_PER_IMAGE = 0.04;
/** Emulated output tokens of one image (what Gemini reports for 1024²). */
const TOKENS_PER_IMAGE = 1290;
const EMULATOR_PROMPT_PRICE = 0.0000003;

const ASPECT_RATIOS = [
  '1:1',
  '2:3',
  '3:2',
  '3:4',
  '4:3',
  '4:5',
  '5:4',
  '9:16',
  '16:9',
  '21:9',
];

/**
 * The image models the emulator lists, shaped as `ImageModelListItem` of
 * OpenRouter's published API types. `maxImages` is how many one request
 * may ask for: a model whose providers make one image at a time refuses
 * `n` > 1, as OpenRouter documents.
 */
const EMULATED_IMAGE_MODELS = [
  {
    id: 'google/gemini-2.5-flash-image',
    name: 'Google: Gemini 2.5 Flash Image',
    description:
      'Gemini 2.5 Flash Image generates and edits images from text and image prompts.',
    inputModalities: ['text', 'image'],
    maxImages: 10,
  },
  {
    id: 'openai/gpt-5-image',
    name: 'OpenAI: GPT-5 Image',
    description: 'GPT-5 with image generation, through the image API.',
    inputModalities: ['text', 'image'],
    maxImages: 10,
  },
  {
    id: 'black-forest-labs/flux.2-pro',
    name: 'Black Forest Labs: FLUX.2 Pro',
    description: 'FLUX.2 Pro makes one image per request.',
    inputModalities: ['text', 'image'],
    maxImages: 1,
  },
] as const;

function imageModelWire(model: (typeof EMULATED_IMAGE_MODELS)[number]) {
  return {
    id: model.id,
    name: model.name,
    created: 1_750_000_000,
    description: model.description,
    architecture: {
      input_modalities: model.inputModalities,
      output_modalities: ['image'],
    },
    endpoints: `/api/v1/images/models/${model.id}/endpoints`,
    supported_parameters: {
      aspect_ratio: { type: 'enum', values: ASPECT_RATIOS },
      resolution: { type: 'enum', values: ['1K', '2K', '4K'] },
      n: { type: 'range', min: 1, max: model.maxImages },
      seed: { type: 'boolean' },
    },
    supports_streaming: false,
  };
}

/**
 * OpenRouter's image API. `POST /images` answers with `n` deterministic
 * 1×1 PNGs (the colour follows the prompt, `seed` and the image's index,
 * so images of one request differ and a repeated request gives the same
 * ones), usage with a cost of $0.04 an image, and OpenRouter's 400 for a
 * missing model or prompt, an `n` outside 1–10 (or over 1 for a one-image
 * model), an `output_compression` outside 0–100, malformed
 * `input_references`, an explicit pixel `size` that disagrees with
 * `aspect_ratio`, or `stream: true` (not emulated). `GET /images/models`
 * lists three models.
 */
export const imageRoutes: EmulatorRoute[] = [
  {
    method: 'POST',
    path: '/images',
    handle(request, context) {
      const body = request.body as Record<string, unknown> | null;
      if (typeof body?.model !== 'string') {
        return errorReply(400, 'Input required: specify "model"');
      }
      if (typeof body.prompt !== 'string') {
        return errorReply(400, 'Input required: "prompt" must be text');
      }
      const count =
        body.n === undefined
          ? 1
          : requireIntegerInRange('n', body.n, IMAGE_COUNT_RANGE);
      const listed = EMULATED_IMAGE_MODELS.find(
        model => model.id === body.model,
      );
      if (listed != null && count > listed.maxImages) {
        return errorReply(
          400,
          `${listed.id} generates one image per request; n must be 1, got ${count}`,
        );
      }
      if (body.output_compression !== undefined) {
        requireIntegerInRange(
          'output_compression',
          body.output_compression,
          OUTPUT_COMPRESSION_RANGE,
        );
      }
      if (body.stream === true) {
        return errorReply(400, 'The emulator does not stream images');
      }
      checkInputReferences(body.input_references);
      checkSizeAgainstAspectRatio(body.size, body.aspect_ratio);
      const seed = typeof body.seed === 'number' ? body.seed : 0;

      context.nextSequence();
      const promptTokens = estimateTokens(body.prompt);
      const completionTokens = count * TOKENS_PER_IMAGE;
      const promptCost = roundCost(promptTokens * EMULATOR_PROMPT_PRICE);
      const imageCost = roundCost(count * EMULATOR_COST_PER_IMAGE);
      return jsonReply({
        created: Math.floor(Date.now() / 1000),
        data: Array.from({ length: count }, (_, index) => ({
          b64_json: emulatedPng(
            colourFor(`${body.model}\n${body.prompt}\n${seed}\n${index}`),
          ).toString('base64'),
          media_type: 'image/png',
        })),
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: completionTokens,
          total_tokens: promptTokens + completionTokens,
          cost: roundCost(promptCost + imageCost),
          is_byok: false,
          prompt_tokens_details: { cached_tokens: 0 },
          completion_tokens_details: {
            reasoning_tokens: 0,
            image_tokens: completionTokens,
          },
          cost_details: {
            upstream_inference_cost: null,
            upstream_inference_prompt_cost: promptCost,
            upstream_inference_completions_cost: imageCost,
          },
        },
      });
    },
  },
  {
    method: 'GET',
    path: '/images/models',
    handle() {
      return jsonReply({ data: EMULATED_IMAGE_MODELS.map(imageModelWire) });
    },
  },
];

function checkInputReferences(references: unknown) {
  if (references === undefined) {
    return;
  }
  if (!Array.isArray(references)) {
    throw new EmulatorRequestError(
      400,
      'Invalid input_references: expected an array',
    );
  }
  for (const [index, reference] of references.entries()) {
    const url = reference?.image_url?.url;
    if (reference?.type !== 'image_url' || typeof url !== 'string') {
      throw new EmulatorRequestError(
        400,
        `Invalid input_references.${index}: expected { type: 'image_url', image_url: { url } }`,
      );
    }
    if (!/^(data:image\/[^;,]+;base64,|https?:\/\/)/.test(url)) {
      throw new EmulatorRequestError(
        400,
        `Invalid input_references.${index}.image_url.url: expected a base64 data URL or an HTTP(S) URL`,
      );
    }
  }
}

function checkSizeAgainstAspectRatio(size: unknown, aspectRatio: unknown) {
  if (typeof size !== 'string' || typeof aspectRatio !== 'string') {
    return;
  }
  const pixels = /^(\d+)x(\d+)$/.exec(size);
  const ratio = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(aspectRatio);
  if (pixels == null || ratio == null) {
    return;
  }
  if (
    Number(pixels[1]) * Number(ratio[2]) !==
    Number(pixels[2]) * Number(ratio[1])
  ) {
    throw new EmulatorRequestError(
      400,
      `size ${size} does not match aspect_ratio ${aspectRatio}; an explicit pixel size is authoritative, so send one or the other`,
    );
  }
}

function roundCost(cost: number) {
  return Math.round(cost * 1e12) / 1e12;
}

/** An RGB colour from a text's FNV-1a hash. */
function colourFor(text: string): [number, number, number] {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return [hash & 0xff, (hash >>> 8) & 0xff, (hash >>> 16) & 0xff];
}

/** A valid 1×1 RGB PNG of one colour. */
function emulatedPng([red, green, blue]: [number, number, number]) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  // Compression, filter and interlace methods stay 0.
  const scanline = Buffer.from([0, red, green, blue]); // filter 0, one pixel
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(scanline)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array) {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, index) => {
    let value = index;
    for (let bit = 0; bit < 8; bit++) {
      value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
    }
    return value >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
