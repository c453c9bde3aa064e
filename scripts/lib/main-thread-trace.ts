/**
 * Main-thread busy time from a Chromium trace (Playwright's browser.startTracing): the union of the
 * top-level tasks on the page's renderer main thread (`CrRendererMain`), whatever ran in them
 * (script, style, layout, paint, garbage collection). The Long Animation Frames API reports only
 * frames over 50 ms, so it cannot give the busy time of short frames; the trace does.
 */

/** Categories for `browser.startTracing`: top-level tasks only, so tracing itself costs little. */
export const BUSY_TRACE_CATEGORIES = ['toplevel'];
/** Names Chromium gives a top-level task (older and newer versions). */
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

interface TraceEvent {
  readonly name?: string;
  readonly ph?: string;
  readonly pid?: number;
  readonly tid?: number;
  /** Microseconds. */
  readonly ts?: number;
  readonly dur?: number;
  readonly args?: { readonly name?: string };
}

/** Total ms the busiest renderer main thread spent in tasks (the page's, as only it runs). */
export function mainThreadBusyMs(traceJson: string): number {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name')
      .filter((event) => event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const intervals = new Map<string, [number, number][]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || !TASK_NAMES.has(event.name ?? '') || !mainThreads.has(thread)) continue;
    if (event.ts === undefined || event.dur === undefined) continue;
    const list = intervals.get(thread) ?? [];
    list.push([event.ts, event.ts + event.dur]);
    intervals.set(thread, list);
  }
  const busyUs = [...intervals.values()].map(unionLengthUs);
  return Math.max(0, ...busyUs) / 1000;
}

/** Nested or repeated task events (both names for one task) count once. */
function unionLengthUs(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [from, to] of sorted) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}
