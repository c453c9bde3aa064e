import { useLayoutEffect, type RefObject } from 'react';

/**
 * A modal dialog's focus (WAI-ARIA's dialog pattern): it moves onto `initial` as the dialog
 * opens, and back to what had it, the button that opened the dialog, as it closes with the focus
 * still in it, so a keyboard or screen-reader user carries on from there instead of the page
 * start. Where the opener has gone (a deleted replay's button) or the focus was moved elsewhere
 * meanwhile (a notice that takes it), it is left where it is.
 */
export function useDialogFocus(
  dialog: RefObject<HTMLElement | null>,
  initial: RefObject<HTMLElement | null>,
): void {
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = dialog.current;
    initial.current?.focus();
    return () => {
      const focused = document.activeElement;
      const leftInDialog =
        focused === null || focused === document.body || (root?.contains(focused) ?? false);
      if (leftInDialog && opener?.isConnected) opener.focus();
    };
  }, [dialog, initial]);
}
