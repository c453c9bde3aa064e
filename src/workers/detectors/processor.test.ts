import { describe, expect, it } from 'vitest';
import {
  GPU_TRIAL_START,
  PROCESSOR_TRIAL_TIMED_CALLS,
  PROCESSOR_TRIAL_WARMUP_CALLS,
  initialProcessor,
  nextTrial,
  trialProcessor,
} from './processor';
import type { Processor, ProcessorTrial } from './processor';

describe('where Auto starts the MediaPipe model', () => {
  it('takes a hardware GPU', () => {
    for (const renderer of [
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
      'ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)',
    ]) {
      expect(initialProcessor('auto', renderer)).toEqual({
        processor: 'gpu',
        reason: 'gpu-faster',
      });
    }
  });

  it('stays on the CPU with a software renderer or no WebGL2 (this test machine)', () => {
    for (const renderer of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'Microsoft Basic Render Driver',
    ]) {
      expect(initialProcessor('auto', renderer)).toEqual({
        processor: 'cpu',
        reason: 'software-renderer',
      });
    }
    expect(initialProcessor('auto', null)).toEqual({ processor: 'cpu', reason: 'no-gpu' });
  });

  it('follows an explicit choice (the benchmark measures both)', () => {
    expect(initialProcessor('gpu', null)).toEqual({ processor: 'gpu', reason: 'asked' });
    expect(initialProcessor('cpu', 'NVIDIA GeForce RTX 3060')).toEqual({
      processor: 'cpu',
      reason: 'asked',
    });
  });
});

/** Runs the trial with each call's time from `msOn`; returns the processors asked for, in order. */
function runTrial(msOn: (processor: Processor, call: number) => number): {
  readonly asked: Processor[];
  readonly trial: ProcessorTrial;
} {
  let trial = GPU_TRIAL_START;
  const asked: Processor[] = [];
  for (let call = 0; call < 100 && !trial.settled; call += 1) {
    const processor = trialProcessor(trial);
    asked.push(processor);
    trial = nextTrial(trial, msOn(processor, call));
  }
  return { asked, trial };
}

describe('the GPU trial', () => {
  const callsEach = PROCESSOR_TRIAL_WARMUP_CALLS + PROCESSOR_TRIAL_TIMED_CALLS;

  it('times the GPU, then the CPU, each after its warm-up calls, and keeps the faster', () => {
    // A laptop GPU: ~20 ms a frame against the CPU's 60-82 ms here (docs/models.md).
    const { asked, trial } = runTrial((processor) => (processor === 'gpu' ? 20 : 70));
    expect(asked).toEqual([
      ...Array<Processor>(callsEach).fill('gpu'),
      ...Array<Processor>(callsEach).fill('cpu'),
    ]);
    expect(trial.settled).toEqual({ processor: 'gpu', reason: 'gpu-faster' });
    expect(trialProcessor(trial)).toBe('gpu');
  });

  it('falls back to the CPU when the GPU is slower (SwiftShader: ~2 s a frame)', () => {
    const { trial } = runTrial((processor) => (processor === 'gpu' ? 2000 : 70));
    expect(trial.settled).toEqual({ processor: 'cpu', reason: 'gpu-slower' });
    expect(trialProcessor(trial)).toBe('cpu');
  });

  it('ignores the warm-up calls, where a graph builds its shaders', () => {
    // Slow first GPU calls, then fast: the warm-up must not count against the GPU.
    const { trial } = runTrial((processor, call) =>
      processor === 'gpu' ? (call < PROCESSOR_TRIAL_WARMUP_CALLS ? 5000 : 20) : 70,
    );
    expect(trial.settled?.processor).toBe('gpu');
  });

  it('stays settled', () => {
    const { trial } = runTrial((processor) => (processor === 'gpu' ? 20 : 70));
    expect(nextTrial(trial, 1)).toBe(trial);
  });
});
