"use client";

import { useCallback, useState } from "react";

/**
 * A polite live region for what the builder just did ("Added Nova to the panel, position 2 of
 * 3"), whether by drag, button or keyboard. dnd-kit announces the drag itself (picked up, over
 * the judge slot); this says how it ended, which only the builder knows (a full panel refuses).
 */
export function useAnnouncer() {
  // The counter makes a repeated message a new text node, so screen readers say it again.
  const [state, setState] = useState({ message: "", n: 0 });
  const announce = useCallback((message: string) => {
    setState((s) => ({ message, n: s.n + 1 }));
  }, []);
  return { announce, message: state.message, n: state.n };
}

export function Announcer({ message, n }: { message: string; n: number }) {
  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="builder-announcer">
      <span key={n}>{message}</span>
    </div>
  );
}
