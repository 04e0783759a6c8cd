/** Shared class names of the settings forms. */
export const inputClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-zinc-500 focus:outline-none focus:ring-2 focus:ring-zinc-400 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900";
export const primaryButton =
  "rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white hover:bg-zinc-700 focus:outline-none focus:ring-2 focus:ring-zinc-400 focus:ring-offset-2 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900";
export const secondaryButton =
  "rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-50 focus:outline-none focus:ring-2 focus:ring-zinc-400 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-900";
export const errorText = "mt-1 text-sm text-red-700 dark:text-red-400";
