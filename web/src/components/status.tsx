import { ApiError } from '../api/http.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { Loaded } from '../api/use-api.js';
import type { ReactNode } from 'react';

export function Loading() {
  const { t } = useI18n();
  return <p role="status" className="muted">{t('common.loading')}</p>;
}

export function ErrorBox({ error }: { readonly error: unknown }) {
  const { t } = useI18n();
  const message = error instanceof ApiError
    ? (error.status === 0 ? t('error.network') : `${error.message} (${error.code})`)
    : error instanceof Error ? error.message : String(error);
  return <div role="alert" className="error-box"><strong>{t('error.title')}</strong> {message}</div>;
}

/** Renders loading and error states, and `children(data)` once data is ready. */
export function Async<T>({ value, children }: { readonly value: Loaded<T>; readonly children: (data: T) => ReactNode }) {
  if (value.state === 'loading') return <Loading />;
  if (value.state === 'error') return <ErrorBox error={value.error} />;
  return <>{children(value.data)}</>;
}
