"use client";

import { type KeyboardEvent, useRef, useState } from "react";
import type { CallView } from "@/lib/runs/run-view";
import { CallColumn } from "./call-column";
import { usePanelNames } from "./models-context";
import { StatusBadge } from "./status-badge";
import { NARROW_QUERY, useMediaQuery } from "./use-media-query";

/**
 * The panel's answers: side by side (scrolling sideways when there are many), or as tabs on a
 * narrow screen. Every column stays mounted in both layouts, so switching tabs keeps scroll
 * positions and a hidden column keeps streaming.
 */
export function PanelColumns({
  runId,
  panel,
  collapsed,
}: {
  runId: string;
  panel: readonly CallView[];
  collapsed: boolean;
}) {
  const narrow = useMediaQuery(NARROW_QUERY);
  const [selected, setSelected] = useState(0);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const names = usePanelNames(panel);
  const current = Math.min(selected, panel.length - 1);

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    const last = panel.length - 1;
    const next =
      event.key === "ArrowRight"
        ? current === last
          ? 0
          : current + 1
        : event.key === "ArrowLeft"
          ? current === 0
            ? last
            : current - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setSelected(next);
    tabs.current[next]?.focus();
  }

  const columnId = (i: number) => `run-${runId}-col-${i}`;
  const tabId = (i: number) => `run-${runId}-tab-${i}`;

  return (
    <div>
      {narrow ? (
        <div
          role="tablist"
          aria-label="Panel answers"
          className="mb-2 flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800"
        >
          {panel.map((call, i) => (
            <button
              // biome-ignore lint/suspicious/noArrayIndexKey: panel positions are stable; a model may repeat
              key={i}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              id={tabId(i)}
              type="button"
              role="tab"
              aria-selected={i === current}
              aria-controls={`${columnId(i)}-panel`}
              tabIndex={i === current ? 0 : -1}
              onClick={() => setSelected(i)}
              onKeyDown={onTabKey}
              className={`-mb-px flex shrink-0 items-center gap-1.5 border-b-2 px-3 py-1.5 text-sm ${
                i === current
                  ? "border-sky-600 font-medium text-zinc-900 dark:text-zinc-100"
                  : "border-transparent text-zinc-500"
              }`}
            >
              {names[i]}
              <StatusBadge status={call.status} />
            </button>
          ))}
        </div>
      ) : null}
      <div
        data-testid="panel-row"
        className={narrow ? "" : "flex snap-x gap-3 overflow-x-auto pb-2"}
      >
        {panel.map((call, i) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: panel positions are stable; a model may repeat
            key={i}
            id={`${columnId(i)}-panel`}
            // Same element in both layouts, so a breakpoint change does not remount columns.
            {...(narrow ? { role: "tabpanel", "aria-labelledby": tabId(i) } : {})}
            hidden={narrow && i !== current}
            className={narrow ? "" : "min-w-[17rem] flex-1 basis-0 snap-start"}
          >
            <CallColumn
              call={call}
              name={names[i] ?? call.model}
              collapsed={collapsed}
              domId={columnId(i)}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
