/** The performance measure name for a frame's capture-to-screen latency (read by scripts/bench-live.ts). */
export const FRAME_TO_SCREEN_MEASURE = 'plumbline:frame-to-screen';
