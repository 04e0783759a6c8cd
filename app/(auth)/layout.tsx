import type { ReactNode } from "react";

/** Signing in and up: one narrow card in the middle of the page. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-[calc(100dvh-3rem)] items-start justify-center px-4 py-16">
      <div className="w-full max-w-sm rounded-xl border border-zinc-200 p-6 shadow-sm dark:border-zinc-800">
        {children}
      </div>
    </main>
  );
}
