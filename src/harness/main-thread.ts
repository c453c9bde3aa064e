/**
 * The main-thread design, for `npm run bench` to compare the app with (scripts/bench-live.ts): what
 * the MediaPipe samples and apps such as ExerSights do. Each animation frame with a new camera
 * frame calls `PoseLandmarker.detectForVideo` on the page's own thread, judges it with the same
 * checker the app's worker runs, and draws the video and the skeleton. Same graph as the app
 * (POSE_GRAPH_OPTIONS, the segmentation mask when the exercise reads the outline), same model
 * files. Only the benchmark opens it: `?model=lite|full|heavy&exercise=<id>`.
 */
import { FilesetResolver, PoseLandmarker } from '@mediapipe/tasks-vision';
import { FRAME_TO_SCREEN_MEASURE } from '../coach/perf-marks';
import type { MediaPipeModel, Pose } from '../pose/pose';
import { EXERCISES } from '../pose/exercises/registry';
import { initialCoachState, stepCoach } from '../pose/exercises/coach';
import { POSE_GRAPH_OPTIONS, toPoses } from '../workers/detectors/mediapipe';
import { restrictFetchToOwnOrigin } from '../workers/own-origin-fetch';
import { drawFrame, drawPoses, fitStage, prepareCanvas } from '../ui/render/skeleton';

const MODELS: readonly MediaPipeModel[] = ['lite', 'full', 'heavy'];

function element<T extends HTMLElement>(testId: string, type: new () => T): T {
  const found = document.querySelector(`[data-testid="${testId}"]`);
  if (!(found instanceof type)) throw new Error(`The page has no ${testId}.`);
  return found;
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const model = MODELS.find((name) => name === params.get('model')) ?? 'full';
  const exerciseId = params.get('exercise') ?? 'plank';
  const exercise = EXERCISES.find((candidate) => candidate.id === exerciseId);
  if (!exercise) throw new Error(`No exercise ${exerciseId}.`);
  const status = element('status', HTMLParagraphElement);
  const cue = element('cue', HTMLParagraphElement);
  const canvas = element('stage', HTMLCanvasElement);
  const start = element('start-workout', HTMLButtonElement);

  // The classic build: the module one fails on a page (src/workers/detectors/mediapipe.ts).
  const fileset = await FilesetResolver.forVisionTasks(
    new URL('wasm/mediapipe', location.origin).href,
  );
  const landmarker = await PoseLandmarker.createFromOptions(fileset, {
    baseOptions: {
      modelAssetPath: new URL(`models/pose_landmarker_${model}.task`, location.origin).href,
      delegate: 'CPU',
    },
    runningMode: 'VIDEO',
    ...POSE_GRAPH_OPTIONS,
    outputSegmentationMasks: exercise.usesBodyOutline === true,
  });
  status.textContent = `MediaPipe ${model} ready`;

  start.addEventListener('click', () => {
    start.disabled = true;
    void navigator.mediaDevices.getUserMedia({ video: true }).then(async (stream) => {
      const video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = stream;
      await video.play();
      let coachState = initialCoachState(exercise);
      let poses: readonly Pose[] = [];
      let lastVideoTime = -1;
      let lastTimestampMs = -1;
      let shownCue = '';
      const tick = (): void => {
        if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth) {
          const imageSize = { width: video.videoWidth, height: video.videoHeight };
          let capturedAtMs: number | null = null;
          // As the MediaPipe samples do: the model only when the camera has a new frame.
          if (video.currentTime !== lastVideoTime) {
            lastVideoTime = video.currentTime;
            capturedAtMs = performance.now();
            const timestampMs = Math.max(Math.round(capturedAtMs), lastTimestampMs + 1);
            lastTimestampMs = timestampMs;
            landmarker.detectForVideo(video, timestampMs, (result) => {
              poses = toPoses(result, imageSize.width, imageSize.height);
            });
            const step = stepCoach(
              exercise,
              coachState,
              { engine: 'mediapipe', model, timestampMs, imageSize, poses, inferenceMs: 0 },
              'beginner',
              false,
            );
            coachState = step.state;
            const words = step.coaching.shownFaults.join(', ');
            if (words !== shownCue) cue.textContent = shownCue = words;
          }
          const { size, transform } = fitStage(imageSize, true);
          const ctx = prepareCanvas(canvas, size);
          if (ctx) {
            drawFrame(ctx, video, transform);
            drawPoses(ctx, poses, transform);
          }
          if (capturedAtMs !== null) {
            performance.measure(FRAME_TO_SCREEN_MEASURE, { start: capturedAtMs });
          }
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  });
}

// tasks-vision's usage log must not leave the device from this page either.
restrictFetchToOwnOrigin(window);
main().catch((error: unknown) => {
  document.body.dataset.error = error instanceof Error ? error.message : String(error);
  throw error;
});
