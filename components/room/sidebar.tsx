"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { type KeyboardEvent, useState, useTransition } from "react";
import { deleteConversationAction, renameConversationAction } from "@/app/(room)/actions";
import { forgetConversation, useConversationList } from "./touched-conversations";

export type ConversationSummary = { id: string; title: string; updatedAt: number };

/** The conversation list: newest first, the open one highlighted, rename inline, delete. */
export function Sidebar({ conversations: fromServer }: { conversations: ConversationSummary[] }) {
  const pathname = usePathname();
  const conversations = useConversationList(fromServer);
  const [open, setOpen] = useState(false);
  // The builder shares the room's layout but needs its width for the catalog and the panel.
  if (pathname === "/panels") return null;
  return (
    <nav
      aria-label="Conversations"
      className="flex shrink-0 flex-col border-zinc-200 bg-zinc-50 md:w-64 md:border-r dark:border-zinc-800 dark:bg-zinc-900/50"
    >
      <div className="flex items-center gap-2 border-b border-zinc-200 p-2 md:border-b-0 dark:border-zinc-800">
        <Link href="/" className="btn-primary flex-1 justify-center text-sm">
          New conversation
        </Link>
        <button
          type="button"
          className="btn-ghost text-sm md:hidden"
          aria-expanded={open}
          aria-controls="conversation-list"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? "Hide list" : `History (${conversations.length})`}
        </button>
      </div>
      <ul
        id="conversation-list"
        className={`${open ? "flex" : "hidden"} max-h-[50vh] flex-col gap-0.5 overflow-y-auto p-2 md:flex md:max-h-none md:flex-1`}
      >
        {conversations.length === 0 ? (
          <li className="px-2 py-1 text-sm text-zinc-500">No conversations yet.</li>
        ) : null}
        {conversations.map((c) => (
          <ConversationItem key={c.id} conversation={c} current={pathname === `/c/${c.id}`} />
        ))}
      </ul>
    </nav>
  );
}

function ConversationItem({
  conversation,
  current,
}: {
  conversation: ConversationSummary;
  current: boolean;
}) {
  const router = useRouter();
  const [mode, setMode] = useState<"view" | "rename" | "confirm">("view");
  const [title, setTitle] = useState(conversation.title);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function save() {
    const next = title.trim();
    if (next === "" || next === conversation.title) {
      setTitle(conversation.title);
      setMode("view");
      return;
    }
    startTransition(async () => {
      const result = await renameConversationAction(conversation.id, next);
      if (!result.ok) {
        setError(result.error ?? "Could not rename.");
        return;
      }
      setError(null);
      setMode("view"); // The action revalidates the layout: the new title arrives with it.
    });
  }

  function remove() {
    startTransition(async () => {
      await deleteConversationAction(conversation.id);
      forgetConversation(conversation.id);
      if (current) router.replace("/");
    });
  }

  function onKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      save();
    } else if (event.key === "Escape") {
      setTitle(conversation.title);
      setMode("view");
      setError(null);
    }
  }

  if (mode === "rename") {
    return (
      <li className="px-1 py-1">
        <input
          // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this item
          autoFocus
          aria-label="Conversation title"
          value={title}
          disabled={pending}
          onChange={(e) => setTitle(e.target.value)}
          onKeyDown={onKey}
          onBlur={save}
          className="w-full rounded border border-sky-500 bg-white px-2 py-1 text-sm dark:bg-zinc-900"
        />
        {error ? <p className="mt-1 text-xs text-red-700">{error}</p> : null}
      </li>
    );
  }

  if (mode === "confirm") {
    return (
      <li className="rounded-md bg-red-50 px-2 py-1.5 text-sm dark:bg-red-950/50">
        <p className="truncate">Delete “{conversation.title}”?</p>
        <div className="mt-1 flex gap-1">
          <button type="button" className="btn-danger text-xs" disabled={pending} onClick={remove}>
            {pending ? "Deleting…" : "Delete"}
          </button>
          <button type="button" className="btn-ghost text-xs" onClick={() => setMode("view")}>
            Cancel
          </button>
        </div>
      </li>
    );
  }

  return (
    <li
      className={`group flex items-center rounded-md text-sm ${
        current
          ? "bg-sky-100 font-medium text-sky-950 dark:bg-sky-900/50 dark:text-sky-100"
          : "hover:bg-zinc-200/60 dark:hover:bg-zinc-800"
      }`}
    >
      <Link
        href={`/c/${conversation.id}`}
        aria-current={current ? "page" : undefined}
        className="min-w-0 flex-1 truncate px-2 py-1.5"
        title={conversation.title}
      >
        {conversation.title}
      </Link>
      {/* Shown on hover and when the row has keyboard focus, so titles get the width otherwise. */}
      <div className="hidden shrink-0 group-focus-within:flex group-hover:flex">
        <button
          type="button"
          className="rounded px-1.5 py-1 text-xs text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"
          aria-label={`Rename “${conversation.title}”`}
          onClick={() => {
            setTitle(conversation.title);
            setMode("rename");
          }}
        >
          Rename
        </button>
        <button
          type="button"
          className="rounded px-1.5 py-1 text-xs text-zinc-500 hover:text-red-700"
          aria-label={`Delete “${conversation.title}”`}
          onClick={() => setMode("confirm")}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
