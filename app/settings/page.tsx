import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { type ReactNode, Suspense } from "react";
import { signOutAction } from "@/app/(auth)/actions";
import { EndpointForm } from "@/components/settings/endpoint-form";
import { ProviderKeyForm } from "@/components/settings/provider-key-form";
import { secondaryButton } from "@/components/settings/ui";
import { getDb } from "@/db/client";
import { getUser } from "@/db/queries/users";
import { optionalUserId } from "@/lib/auth/current-user";
import { getEnv } from "@/lib/env";
import { listEndpointViews } from "@/lib/settings/endpoints";
import {
  KEY_PROVIDERS,
  listStoredKeys,
  PROVIDER_LABELS,
  USED_KEY_PROVIDERS,
} from "@/lib/settings/keys";

export const metadata: Metadata = { title: "Settings · Quorum" };

export default function SettingsPage() {
  return (
    <main className="mx-auto max-w-3xl space-y-10 px-4 py-10">
      <h1 className="text-3xl font-semibold tracking-tight">Settings</h1>
      <Suspense fallback={<p className="text-sm text-zinc-500">Loading settings…</p>}>
        <SettingsContent />
      </Suspense>
    </main>
  );
}

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Only masked keys reach this render (and so the page and its RSC payload). */
async function SettingsContent() {
  await connection();
  const userId = await optionalUserId();
  if (!userId) redirect("/sign-in?callbackUrl=/settings");
  const db = getDb();
  const env = getEnv();
  const user = getUser(db, { userId });
  const keys = new Map(listStoredKeys(db, { userId }).map((k) => [k.provider, k.hint]));
  const endpoints = listEndpointViews(db, { userId });
  const stored = KEY_PROVIDERS.filter((p) => !USED_KEY_PROVIDERS.includes(p));
  return (
    <>
      <Section title="Account" id="account">
        <p className="text-sm">
          Signed in as <strong>{user?.email ?? user?.name}</strong>
        </p>
        <form action={signOutAction}>
          <button type="submit" className={secondaryButton}>
            Sign out
          </button>
        </form>
      </Section>

      <Section title="OpenRouter" id="openrouter">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Your key reaches every model in OpenRouter&apos;s catalog. Keys are encrypted on the
          server and never shown again in full.
          {env.OPENROUTER_API_KEY ? " Without one, this server's own key is used." : ""}
        </p>
        <ProviderKeyForm
          provider="openrouter"
          label="OpenRouter"
          hint={keys.get("openrouter") ?? null}
        />
      </Section>

      <Section title="Custom endpoints" id="endpoints">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Any OpenAI-compatible server: Ollama, vLLM, llama.cpp server, LM Studio.
          {env.QUORUM_ENDPOINTS.length > 0
            ? ` This server also provides: ${env.QUORUM_ENDPOINTS.map((e) => e.name).join(", ")}.`
            : ""}
        </p>
        <ul className="space-y-6">
          {endpoints.map((e) => (
            <li
              key={e.id}
              aria-label={`Endpoint ${e.name}`}
              className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
            >
              <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
                <strong className="text-zinc-900 dark:text-zinc-100">{e.name}</strong> ·{" "}
                {e.lastError
                  ? `not reachable: ${e.lastError}`
                  : `${e.modelCount} model${e.modelCount === 1 ? "" : "s"}`}
                {e.keyHint ? ` · key ${e.keyHint}` : ""}
              </p>
              <EndpointForm endpoint={e} />
            </li>
          ))}
        </ul>
        <div className="rounded-lg border border-dashed border-zinc-300 p-4 dark:border-zinc-700">
          <h3 className="mb-3 text-sm font-semibold">Add an endpoint</h3>
          <EndpointForm />
        </div>
      </Section>

      <Section title="Other providers" id="other-providers">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Keys for talking to these providers directly are stored, used in a coming release. Until
          then, reach their models through OpenRouter.
        </p>
        {stored.map((p) => (
          <ProviderKeyForm
            key={p}
            provider={p}
            label={PROVIDER_LABELS[p]}
            hint={keys.get(p) ?? null}
            note="(stored, used in a coming release)"
          />
        ))}
      </Section>
    </>
  );
}
