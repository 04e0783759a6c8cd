"use client";

import { type RefObject, useCallback, useEffect, useRef } from "react";

/** Within this many pixels of the bottom counts as "at the bottom". */
const SLACK_PX = 32;

/**
 * While `follow` is on (a column streams, the final answer is being written), keeps a scroll
 * box pinned to its bottom as its content grows, unless the reader scrolled up to read;
 * scrolling back down re-pins it. Returns the box's onScroll handler.
 */
export function useStickToBottom<T extends HTMLElement>(
  ref: RefObject<T | null>,
  follow: boolean,
): () => void {
  const pinned = useRef(follow);
  const following = useRef(follow);
  // Our own scrolling fires scroll events too; they must not unpin.
  const expected = useRef<number | null>(null);

  const stick = useCallback(() => {
    const el = ref.current;
    if (!el || !pinned.current) return;
    el.scrollTop = el.scrollHeight;
    expected.current = el.scrollTop;
  }, [ref]);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    if (expected.current !== null && Math.abs(el.scrollTop - expected.current) < 2) return;
    expected.current = null;
    pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight <= SLACK_PX;
  }, [ref]);

  useEffect(() => {
    const was = following.current;
    following.current = follow;
    if (follow && !was) pinned.current = true;
    // On the way out too: the last chunk and "done" arrive together.
    stick();
  }, [follow, stick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onGrow = () => {
      if (following.current) stick();
    };
    // Content growth does not fire scroll events: watch the children's size instead.
    const sizes = new ResizeObserver(onGrow);
    const watch = () => {
      sizes.disconnect();
      for (const child of Array.from(el.children)) sizes.observe(child);
    };
    watch();
    const children = new MutationObserver(() => {
      watch();
      onGrow();
    });
    children.observe(el, { childList: true });
    return () => {
      sizes.disconnect();
      children.disconnect();
    };
  }, [ref, stick]);

  return onScroll;
}
