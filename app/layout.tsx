import type { Metadata } from "next";
import Link from "next/link";
import { type ReactNode, Suspense } from "react";
import { UserMenu } from "@/components/nav/user-menu";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "Quorum",
  description: "A panel of LLMs answers in parallel, a judge analyses, a synthesizer answers.",
};

/** Only pages that exist; later pages add themselves here. */
const NAV_ITEMS = [
  { href: "/", label: "Room" },
  { href: "/panels", label: "Panels" },
  { href: "/models", label: "Models" },
] as const;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {/* h-12 includes the border: the room below fills exactly the rest of the window. */}
        <header className="h-12 border-b border-zinc-200 dark:border-zinc-800">
          <div className="flex h-full items-center gap-6 px-4">
            <Link href="/" className="font-semibold tracking-tight">
              Quorum
            </Link>
            <nav aria-label="Main">
              <ul className="flex gap-4 text-sm text-zinc-600 dark:text-zinc-400">
                {NAV_ITEMS.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} className="hover:text-zinc-900 dark:hover:text-zinc-100">
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <Suspense fallback={null}>
              <UserMenu />
            </Suspense>
          </div>
        </header>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
