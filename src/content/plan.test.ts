import { describe, expect, it } from 'vitest';
import type { WeekRun } from '../coach/programme/schedule';
import { dayText, doseText, evidenceText, runOutcomeText } from './plan';

const RUN: WeekRun = {
  week: 2,
  start: '2025-03-03',
  end: '2025-03-10',
  sessionDays: ['2025-03-03', '2025-03-05'],
  goodFormShare: 0.55,
  outcome: 'low-form',
};

describe('plan wording', () => {
  it('names days the same in every time zone', () => {
    expect(dayText('2025-03-03')).toBe('Mon 3 Mar');
  });

  it('says why a week was repeated, with the numbers that decided it', () => {
    expect(runOutcomeText(RUN)).toBe('55% good form (70% needed): repeated');
    expect(runOutcomeText({ ...RUN, sessionDays: ['2025-03-03'], outcome: 'too-few' })).toBe(
      '1 session (2 needed): repeated',
    );
    expect(runOutcomeText({ ...RUN, goodFormShare: 0.9, outcome: 'passed' })).toBe(
      'done: 2 sessions, 90% good form',
    );
    expect(runOutcomeText({ ...RUN, outcome: 'pain' })).toBe(
      'stopped for sharp pain: back to week 1',
    );
  });

  it('says why the app ticked an item, and what it has seen when it has not', () => {
    const days = ['2025-03-03', '2025-03-05'];
    expect(
      evidenceText({
        id: 'sessions',
        evidence: { item: 'sessions', ticked: true, days },
        byHand: false,
        done: true,
      }),
    ).toBe('Ticked by the app: you trained on Mon 3 Mar and Wed 5 Mar.');
    expect(
      evidenceText({
        id: 'sessions',
        evidence: { item: 'sessions', ticked: false, days: ['2025-03-03'] },
        byHand: false,
        done: false,
      }),
    ).toBe('The app has seen you train on Mon 3 Mar.');
    expect(
      evidenceText({
        id: 'movement-patterns',
        evidence: { item: 'movement-patterns', ticked: false, patterns: ['anti-rotation'] },
        byHand: false,
        done: false,
      }),
    ).toBe('The app has seen anti-rotation (bird-dog, Pallof press).');
    expect(evidenceText({ id: 'sleep', evidence: null, byHand: true, done: true })).toBeNull();
  });

  it('writes sets and reps as the seed does, per side or per arm where the movement works one', () => {
    const dose = { kind: 'reps', sets: { min: 3, max: 4 }, reps: { min: 8, max: 10 } } as const;
    expect(doseText('row', dose)).toBe('3–4 × 8–10 reps per arm, rest 60–90 s');
    expect(doseText('bird-dog', dose)).toBe('3–4 × 8–10 reps per side, rest 60–90 s');
    expect(doseText('superman', dose)).toBe('3–4 × 8–10 reps, rest 60–90 s');
  });
});
