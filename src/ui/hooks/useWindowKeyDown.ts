import { useEffect, useRef } from 'react';

/**
 * Listens to key presses on the whole page while `enabled`: keys meant for a person away from the
 * keyboard focus, or for an overlay that the focus may have left. The latest handler is used.
 * `first`: before any element's own handler sees the key (the capture phase), for an overlay over
 * the page.
 */
export function useWindowKeyDown(
  onKeyDown: (event: KeyboardEvent) => void,
  enabled: boolean,
  first = false,
): void {
  const handler = useRef(onKeyDown);
  useEffect(() => {
    handler.current = onKeyDown;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent): void => {
      handler.current(event);
    };
    window.addEventListener('keydown', listener, first);
    return () => {
      window.removeEventListener('keydown', listener, first);
    };
  }, [enabled, first]);
}
