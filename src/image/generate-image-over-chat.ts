import type {
  ImageModelV4CallOptions,
  ImageModelV4File,
  ImageModelV4Result,
  JSONValue,
  LanguageModelV4FilePart,
  LanguageModelV4TextPart,
  SharedV4Warning,
} from '@ai-sdk/provider';
import {
  convertBase64ToUint8Array,
  convertUint8ArrayToBase64,
  downloadBlob,
} from '@ai-sdk/provider-utils';
import { OpenRouterChatLanguageModel } from '../chat/openrouter-chat-language-model';
import type { OpenRouterChatSettings } from '../chat/openrouter-chat-options';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import type {
  OpenRouterImageModelId,
  OpenRouterImageSettings,
} from './openrouter-image-options';

/**
 * Generates images over chat completions with `modalities: ['image',
 * 'text']` (`endpoint: 'chat'`), for models that make images only through
 * chat. Each image is one chat call; `n` images are `n` calls.
 */
export class OpenRouterImagesOverChat {
  private readonly chatModel: OpenRouterChatLanguageModel;
  private readonly settings: OpenRouterChatSettings;

  constructor(
    private readonly source: LazyModelSource<
      OpenRouterImageModelId,
      OpenRouterImageSettings
    >,
  ) {
    // `endpoint` steers the image model; the rest are chat settings.
    const { endpoint: _endpoint, ...settings } = source.settings;
    this.settings = settings as OpenRouterChatSettings;
    this.chatModel = new OpenRouterChatLanguageModel(
      source.modelId,
      this.settings,
      source.config,
    );
  }

  async doGenerate({
    prompt,
    n,
    size,
    aspectRatio,
    seed,
    files,
    providerOptions,
    abortSignal,
    headers,
  }: ImageModelV4CallOptions): Promise<ImageModelV4Result> {
    const warnings: SharedV4Warning[] = [];
    const imageConfig: Record<string, string> = {};
    if (aspectRatio != null) {
      imageConfig.aspect_ratio = aspectRatio;
    } else if (size != null) {
      // Chat image generation sizes images by aspect ratio, not by pixels.
      const ratio = aspectRatioOf(size);
      imageConfig.aspect_ratio = ratio;
      warnings.push({
        type: 'compatibility',
        feature: 'size',
        details: `OpenRouter's chat image generation takes an aspect ratio, not a size; ${size} was sent as aspect ratio ${ratio}.`,
      });
    }

    const { imageConfig: userImageConfig, ...userOptions } =
      (providerOptions?.openrouter ?? {}) as Record<string, JSONValue>;
    // Model settings, then this call's size, then the call's own options:
    // an image-only model configured with `modalities: ['image']`, or an
    // `image_size` set per model, is kept.
    const settings = this.settings as Record<string, JSONValue>;
    // `imageConfig` is read too: the chat options would rename it, but only
    // after this merge, and it would then lose to the size set here.
    const mergedImageConfig = {
      ...((settings.image_config ?? settings.imageConfig) as
        | Record<string, JSONValue>
        | undefined),
      ...imageConfig,
      ...((userOptions.image_config ?? userImageConfig) as
        | Record<string, JSONValue>
        | undefined),
    };
    const openRouterOptions = {
      ...userOptions,
      modalities: userOptions.modalities ??
        settings.modalities ?? ['image', 'text'],
      ...(Object.keys(mergedImageConfig).length > 0
        ? { image_config: mergedImageConfig }
        : {}),
    };

    const content: Array<LanguageModelV4TextPart | LanguageModelV4FilePart> = [
      { type: 'text', text: prompt ?? '' },
    ];
    for (const file of files ?? []) {
      content.push(toFilePart(file));
    }

    const images: string[] = [];
    const perImageMetadata: JSONValue[] = [];
    let totalCost = 0;
    let inputTokens = 0;
    let outputTokens = 0;
    let responseHeaders: Record<string, string> | undefined;

    for (let call = 0; call < Math.max(1, n); call++) {
      const result = await this.chatModel.doGenerate({
        prompt: [{ role: 'user', content }],
        seed,
        providerOptions: { openrouter: openRouterOptions },
        abortSignal,
        headers,
      });
      // Every call sends the same options, so the first one says it all.
      if (call === 0) {
        warnings.push(...result.warnings);
      }
      responseHeaders = result.response?.headers;

      const generatedFiles = result.content.filter(
        part => part.type === 'file',
      );
      if (generatedFiles.length === 0) {
        warnings.push({
          type: 'other',
          message: `${this.source.modelId} answered without an image${
            result.content.some(part => part.type === 'text')
              ? ' (it replied with text only)'
              : ''
          }.`,
        });
      }
      for (const file of generatedFiles) {
        images.push(await toBase64(file.data, abortSignal));
      }

      const metadata = result.providerMetadata?.openrouter as
        | Record<string, JSONValue>
        | undefined;
      const usage = metadata?.usage as { cost?: number } | undefined;
      totalCost += usage?.cost ?? 0;
      inputTokens += result.usage.inputTokens.total ?? 0;
      outputTokens += result.usage.outputTokens.total ?? 0;
      perImageMetadata.push({
        ...(metadata?.generationId != null
          ? { generationId: metadata.generationId }
          : {}),
        ...(metadata?.provider != null ? { provider: metadata.provider } : {}),
        ...(usage?.cost != null ? { cost: usage.cost } : {}),
      });
    }

    return {
      images,
      warnings,
      providerMetadata: {
        openrouter: { images: perImageMetadata, cost: totalCost },
      },
      response: {
        timestamp: new Date(),
        modelId: this.source.modelId,
        headers: responseHeaders,
      },
      usage: {
        inputTokens,
        outputTokens,
        totalTokens: inputTokens + outputTokens,
      },
    };
  }
}

/**
 * Images come back as base64 in `data:` URLs; a plain URL is downloaded
 * like any untrusted URL (checked, size-limited, abortable), and not
 * through the provider's `fetch`, which may add OpenRouter credentials.
 */
async function toBase64(
  data: { type: 'data'; data: string | Uint8Array } | { type: 'url'; url: URL },
  abortSignal: AbortSignal | undefined,
): Promise<string> {
  if (data.type === 'data') {
    return typeof data.data === 'string'
      ? data.data
      : convertUint8ArrayToBase64(data.data);
  }
  const blob = await downloadBlob(data.url.href, { abortSignal });
  return convertUint8ArrayToBase64(new Uint8Array(await blob.arrayBuffer()));
}

function toFilePart(file: ImageModelV4File): LanguageModelV4FilePart {
  if (file.type === 'url') {
    return {
      type: 'file',
      mediaType: 'image/*',
      data: { type: 'url', url: new URL(file.url) },
    };
  }
  return {
    type: 'file',
    mediaType: file.mediaType,
    data: {
      type: 'data',
      data:
        typeof file.data === 'string'
          ? convertBase64ToUint8Array(file.data)
          : file.data,
    },
  };
}

function aspectRatioOf(size: `${number}x${number}`): string {
  const [width, height] = size.split('x').map(Number);
  const divisor = greatestCommonDivisor(width, height);
  return `${width / divisor}:${height / divisor}`;
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}
