import {
  areaState,
  decodePathSegment,
  type EmulatorContext,
  type EmulatorRoute,
  errorReply,
  jsonReply,
} from './emulator-routes';

/** Emulated price of a second of video, in USD. */
const COST_PER_SECOND = 0.05;
const DEFAULT_DURATION_SECONDS = 5;

type VideoJob = {
  id: string;
  sequence: number;
  prompt: string;
  duration: number;
  polls: number;
};

const STATE_KEY = 'videos';

function videoJobs(context: EmulatorContext) {
  return areaState(context, STATE_KEY, () => new Map<string, VideoJob>());
}

const pollingUrl = (id: string) => `/api/v1/videos/${id}`;

/**
 * A few bytes that start like an MP4 file (an `ftyp` box), then name the
 * prompt, so a test can tell which job a video came from.
 */
function emulatedVideo(prompt: string) {
  const header = new Uint8Array([
    0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0,
    0x69, 0x73, 0x6f, 0x6d, 0x6d, 0x70, 0x34, 0x31,
  ]);
  const text = new TextEncoder().encode(`emulated video: ${prompt}`);
  const bytes = new Uint8Array(header.length + text.length);
  bytes.set(header);
  bytes.set(text, header.length);
  return bytes;
}

/**
 * OpenRouter's asynchronous video API: a job is submitted, reported
 * `in_progress` on its first poll and `completed` from the second, and its
 * video served by the content endpoint to a request with a key. Job ids
 * are `video-emulator-N`, N counting the emulator's replies since `reset()`.
 * Script a poll's answer (for example `{ status: 'failed', error }`) with
 * `enqueue` and the path `/videos/video-emulator-N`.
 */
export const videoRoutes: EmulatorRoute[] = [
  {
    method: 'POST',
    path: '/videos',
    handle(request, context) {
      const body = request.body as {
        model?: unknown | undefined;
        prompt?: unknown | undefined;
        duration?: unknown | undefined;
        frame_images?: unknown | undefined;
      } | null;
      if (typeof body?.model !== 'string') {
        return errorReply(400, 'Input required: specify "model"');
      }
      if (
        typeof body.prompt !== 'string' &&
        !Array.isArray(body.frame_images)
      ) {
        return errorReply(400, 'Input required: specify "prompt"');
      }
      const sequence = context.nextSequence();
      const job: VideoJob = {
        id: `video-emulator-${sequence}`,
        sequence,
        prompt: typeof body.prompt === 'string' ? body.prompt : '',
        duration:
          typeof body.duration === 'number'
            ? body.duration
            : DEFAULT_DURATION_SECONDS,
        polls: 0,
      };
      videoJobs(context).set(job.id, job);
      return jsonReply(
        { id: job.id, polling_url: pollingUrl(job.id), status: 'pending' },
        202,
      );
    },
  },
  {
    method: 'GET',
    path: /^\/videos\/[^/]+$/,
    handle(request, context) {
      const id = decodePathSegment(request.path.slice('/videos/'.length));
      const job = videoJobs(context).get(id);
      if (job == null) {
        return errorReply(404, `Video generation job ${id} not found`);
      }
      job.polls++;
      if (job.polls === 1) {
        return jsonReply({
          id,
          polling_url: pollingUrl(id),
          status: 'in_progress',
        });
      }
      const host = request.headers.host;
      return jsonReply({
        id,
        polling_url: pollingUrl(id),
        status: 'completed',
        generation_id: `gen-video-emulator-${job.sequence}`,
        unsigned_urls: [`http://${host}/api/v1/videos/${id}/content?index=0`],
        usage: {
          cost: Math.round(job.duration * COST_PER_SECOND * 1e6) / 1e6,
          is_byok: false,
        },
      });
    },
  },
  {
    method: 'GET',
    path: /^\/videos\/[^/]+\/content$/,
    handle(request, context) {
      const id = decodePathSegment(
        request.path.slice('/videos/'.length, -'/content'.length),
      );
      const job = videoJobs(context).get(id);
      if (job == null) {
        return errorReply(404, `Video generation job ${id} not found`);
      }
      return {
        type: 'binary',
        status: 200,
        contentType: 'video/mp4',
        body: emulatedVideo(job.prompt),
      };
    },
  },
];
