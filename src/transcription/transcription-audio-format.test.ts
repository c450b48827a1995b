import { describe, expect, it } from 'vitest';
import { transcriptionAudioFormat } from './transcription-audio-format';

describe('transcriptionAudioFormat', () => {
  it.each([
    ['audio/wav', 'wav'],
    ['audio/x-wav', 'wav'],
    ['audio/mpeg', 'mp3'],
    ['audio/MP3', 'mp3'],
    ['audio/x-m4a', 'm4a'],
    ['audio/mp4', 'm4a'],
    ['audio/ogg; codecs=opus', 'ogg'],
    ['audio/webm;codecs=opus', 'webm'],
    ['audio/flac', 'flac'],
    ['audio/aac', 'aac'],
  ])('names %s as %s', (mediaType, format) => {
    expect(transcriptionAudioFormat(mediaType)).toBe(format);
  });

  it.each([
    'audio/amr',
    'audio/pcm',
    'application/pdf',
    'audio',
    '',
    'constructor',
    '__proto__',
  ])('takes no %j', mediaType => {
    expect(transcriptionAudioFormat(mediaType)).toBeUndefined();
  });
});
