import { describe, expect, it } from 'vitest';
import { ratiosOf } from '../coach/endurance/battery';
import { normText, ratioText, stopReason } from './endurance';

describe('endurance wording', () => {
  it('says why a hold stopped, live or stored, in the words of its test', () => {
    expect(stopReason('side-bridge-left', { kind: 'left-position' })).toBe(
      'your hips dropped to the floor',
    );
    expect(stopReason('extensor', 'left-position')).toBe(
      'your chest and legs came down to the floor',
    );
    expect(stopReason('flexor', { kind: 'fault', fault: 'trunk-flexor-hold.trunk-dropped' })).toBe(
      'trunk dropped',
    );
    expect(stopReason('side-bridge-right', 'side-plank.hips-dropping')).toBe('hips dropping');
    expect(stopReason('flexor', 'lost-sight')).toBe('you went out of view');
    // A stored reason from a newer build is shown as it is, never dropped.
    expect(stopReason('flexor', 'new-reason')).toBe('new-reason');
  });

  it('gives the lab means and each ratio with its reference and where it sits', () => {
    expect(normText({ men: 95, women: 75 })).toBe('lab mean, young adults: men 95 s, women 75 s');
    const [sides] = ratiosOf({ 'side-bridge-right': 40, 'side-bridge-left': 50 });
    expect(sides && ratioText(sides)).toBe(
      'Side bridge right ÷ left 0.80 (reference: 0.95 to 1.05; outside the reference)',
    );
  });
});
