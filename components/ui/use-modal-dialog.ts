import { type RefObject, useEffect, useRef } from "react";

/**
 * A native <dialog> shown as a modal as soon as it mounts: the browser then traps focus,
 * closes on Escape (firing `onClose`) and makes the page behind it inert.
 */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return ref;
}
