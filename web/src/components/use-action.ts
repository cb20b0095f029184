import { useState, type FormEvent } from 'react';

export interface Action {
  /** True while the action runs; buttons that would start it again are disabled. */
  readonly busy: boolean;
  /** What the last run threw, shown by the caller (an ErrorBox); cleared when the next run starts. */
  readonly error: unknown;
  /** Runs the action (ignored while one runs). */
  readonly run: () => void;
  /** A form's onSubmit: the browser's own submit is prevented, then the action runs. */
  readonly onSubmit: (e: FormEvent) => void;
}

/** The busy and error state around one asynchronous request a page or form makes on a click or submit. */
export function useAction(action: () => Promise<void>): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    action().catch((err: unknown) => setError(() => err)).finally(() => setBusy(false));
  };
  return { busy, error, run, onSubmit: (e) => { e.preventDefault(); run(); } };
}
