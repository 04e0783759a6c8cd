"use client";

import { useCallback, useSyncExternalStore } from "react";

/** Whether a CSS media query matches; false during server rendering and hydration. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Below Tailwind's `md` breakpoint the panel's columns become tabs. */
export const NARROW_QUERY = "(max-width: 767.98px)";
