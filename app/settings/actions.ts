"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { currentUserId } from "@/lib/auth/current-user";
import { isQuorumError } from "@/lib/errors";
import {
  type ConnectionTest,
  EndpointFieldError,
  removeEndpoint,
  saveEndpoint,
  testEndpointConnection,
} from "@/lib/settings/endpoints";
import {
  apiKeySchema,
  providerSchema,
  removeProviderKey,
  saveProviderKey,
} from "@/lib/settings/keys";

/**
 * Settings' server actions. None returns a key, not even the one just typed: the browser gets
 * a message and re-renders the page, which shows keys masked.
 */
export type SettingsFormState = {
  ok?: boolean;
  message?: string;
  errors?: Partial<Record<"key" | "name" | "baseURL" | "apiKey" | "form", string>>;
};

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

function failed(error: unknown): SettingsFormState {
  if (error instanceof EndpointFieldError) return { errors: { [error.field]: error.message } };
  if (isQuorumError(error) && error.status < 500) return { errors: { form: error.message } };
  console.error("quorum: a settings action failed", error);
  return { errors: { form: "Something went wrong on our side. Please try again." } };
}

export async function saveKeyAction(
  _previous: SettingsFormState,
  formData: FormData,
): Promise<SettingsFormState> {
  try {
    const userId = await currentUserId();
    const provider = providerSchema.parse(text(formData, "provider"));
    const key = apiKeySchema.safeParse(text(formData, "key"));
    if (!key.success) return { errors: { key: key.error.issues[0]?.message } };
    saveProviderKey(getDb(), { userId, provider, key: key.data });
    revalidatePath("/settings");
    return { ok: true, message: "Key saved." };
  } catch (error) {
    return failed(error);
  }
}

export async function deleteKeyAction(
  _previous: SettingsFormState,
  formData: FormData,
): Promise<SettingsFormState> {
  try {
    const userId = await currentUserId();
    const provider = providerSchema.parse(text(formData, "provider"));
    removeProviderKey(getDb(), { userId, provider });
    revalidatePath("/settings");
    return { ok: true, message: "Key deleted." };
  } catch (error) {
    return failed(error);
  }
}

function endpointInput(formData: FormData) {
  return {
    name: text(formData, "name"),
    baseURL: text(formData, "baseURL"),
    apiKey: text(formData, "apiKey"),
    removeKey: formData.get("removeKey") === "on",
  };
}

export async function saveEndpointAction(
  _previous: SettingsFormState,
  formData: FormData,
): Promise<SettingsFormState> {
  try {
    const userId = await currentUserId();
    const endpointId = text(formData, "endpointId") || undefined;
    const saved = await saveEndpoint(getDb(), {
      userId,
      ...(endpointId ? { endpointId } : {}),
      input: endpointInput(formData),
    });
    revalidatePath("/settings");
    return {
      ok: true,
      message: saved.lastError
        ? `Saved, but its models could not be listed: ${saved.lastError}`
        : `Saved: ${saved.modelCount} model${saved.modelCount === 1 ? "" : "s"} found.`,
    };
  } catch (error) {
    return failed(error);
  }
}

export async function deleteEndpointAction(
  _previous: SettingsFormState,
  formData: FormData,
): Promise<SettingsFormState> {
  try {
    const userId = await currentUserId();
    removeEndpoint(getDb(), { userId, endpointId: text(formData, "endpointId") });
    revalidatePath("/settings");
    return { ok: true, message: "Endpoint deleted." };
  } catch (error) {
    return failed(error);
  }
}

/** "Test connection" with what the form holds now (saved or not). */
export async function testEndpointAction(formData: FormData): Promise<ConnectionTest> {
  try {
    const userId = await currentUserId();
    const endpointId = text(formData, "endpointId") || undefined;
    return await testEndpointConnection(getDb(), {
      userId,
      ...(endpointId ? { endpointId } : {}),
      input: endpointInput(formData),
    });
  } catch (error) {
    const state = failed(error);
    const message = Object.values(state.errors ?? {})[0] ?? "The test failed.";
    return { ok: false, error: message };
  }
}
