import { useWindowKeyDown } from './useWindowKeyDown';

export type KeyAction = 'start' | 'pause' | 'mute' | 'end-set' | 'skip-rest';

/** The workout's keys (shown on screen from content/workout.ts KEYS). */
export const KEY_ACTIONS: Readonly<Record<string, KeyAction>> = {
  s: 'start',
  ' ': 'pause',
  m: 'mute',
  e: 'end-set',
  n: 'skip-rest',
};

/** Inputs that take typed letters; radios and checkboxes do not. */
const TEXT_INPUTS = new Set(['text', 'number', 'search', 'email', 'password', 'url', 'tel']);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type);
  return (
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.isContentEditable
  );
}

/**
 * Keys for a person standing away from the laptop. Ignored while typing in a field or choosing
 * from a list. Space always pauses or resumes, even with a button focused (Enter still presses it),
 * so the last button clicked is never pressed again by accident.
 */
export function useKeyboard(onAction: (action: KeyAction) => void, enabled: boolean): void {
  useWindowKeyDown((event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    if (isTyping(event.target)) return;
    const action = KEY_ACTIONS[event.key.toLowerCase()];
    if (!action) return;
    event.preventDefault();
    onAction(action);
  }, enabled);
}
