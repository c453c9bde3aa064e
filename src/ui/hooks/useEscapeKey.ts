import { useWindowKeyDown } from './useWindowKeyDown';

/**
 * Calls `onEscape` when Escape is pressed anywhere on the page while `enabled`: an overlay closes
 * even when the focus has left it (a control hidden for print takes the focus with it). It hears
 * Escape before the page under it and marks it handled, so a control there that also answers
 * Escape (a History confirmation the focus was left in) stays as it is.
 */
export function useEscapeKey(onEscape: () => void, enabled = true): void {
  useWindowKeyDown(
    (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onEscape();
    },
    enabled,
    true,
  );
}
