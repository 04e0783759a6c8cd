import type { SettingsFormState } from "@/app/settings/actions";

/** The outcome of a settings form, announced politely (success) or assertively (failure). */
export function FormStatus({ state }: { state: SettingsFormState }) {
  if (state.errors?.form) {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        {state.errors.form}
      </p>
    );
  }
  if (state.message) {
    return (
      <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
        {state.message}
      </p>
    );
  }
  return null;
}
