/**
 * How the emulated model "sees" attachments: it names each one by kind, type
 * and size, so a test or an example can tell that the parts arrived intact.
 */

/** A 1×1 PNG, the emulator's generated image. */
export const EMULATED_IMAGE_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export function describeAttachments(
  content: unknown,
  describeUploadedFile?: ((id: string) => string | undefined) | undefined,
): string[] {
  if (!Array.isArray(content)) {
    return [];
  }
  const descriptions: string[] = [];
  for (const part of content) {
    switch (part?.type) {
      case 'image_url':
        descriptions.push(`an image (${describeUrl(part.image_url?.url)})`);
        break;
      case 'file':
        if (typeof part.file?.file_id === 'string') {
          descriptions.push(
            describeUploadedFile?.(part.file.file_id) ??
              `a file uploaded as ${part.file.file_id}`,
          );
          break;
        }
        descriptions.push(
          `a file named ${part.file?.filename ?? 'unnamed'} (${describeUrl(part.file?.file_data)})`,
        );
        break;
      case 'input_audio':
        descriptions.push(
          `audio (${part.input_audio?.format}, ${decodedSize(part.input_audio?.data)} bytes)`,
        );
        break;
      case 'video_url':
      case 'input_video':
        descriptions.push(`a video (${describeUrl(part.video_url?.url)})`);
        break;
    }
  }
  return descriptions;
}

function describeUrl(url: unknown): string {
  if (typeof url !== 'string') {
    return 'no data';
  }
  const dataUrl = /^data:([^;,]+)?;base64,(.*)$/s.exec(url);
  if (dataUrl != null) {
    return `${dataUrl[1] ?? 'unknown type'}, ${decodedSize(dataUrl[2])} bytes`;
  }
  return url;
}

function decodedSize(base64: unknown): number {
  if (typeof base64 !== 'string') {
    return 0;
  }
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}
