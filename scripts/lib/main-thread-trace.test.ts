import { describe, expect, it } from 'vitest';
import { mainThreadBusyMs } from './main-thread-trace';

const thread = (pid: number, tid: number, name: string) => ({
  ph: 'M',
  name: 'thread_name',
  pid,
  tid,
  args: { name },
});
const task = (pid: number, tid: number, tsMs: number, durMs: number, name = 'RunTask') => ({
  ph: 'X',
  name,
  pid,
  tid,
  ts: tsMs * 1000,
  dur: durMs * 1000,
});

describe("the page's main-thread busy time from a trace", () => {
  it('counts a task once when both task events and a nested one cover it, and skips gaps', () => {
    const trace = {
      traceEvents: [
        thread(1, 10, 'CrRendererMain'),
        task(1, 10, 0, 30),
        task(1, 10, 0, 30, 'ThreadControllerImpl::RunTask'),
        task(1, 10, 5, 10),
        task(1, 10, 100, 20),
      ],
    };
    expect(mainThreadBusyMs(JSON.stringify(trace))).toBeCloseTo(50, 6);
  });

  it("ignores the worker's and the browser's threads", () => {
    const trace = [
      thread(1, 10, 'CrRendererMain'),
      thread(1, 11, 'DedicatedWorker thread'),
      thread(2, 20, 'CrBrowserMain'),
      task(1, 10, 0, 5),
      task(1, 11, 0, 500),
      task(2, 20, 0, 500),
    ];
    expect(mainThreadBusyMs(JSON.stringify(trace))).toBeCloseTo(5, 6);
  });
});
