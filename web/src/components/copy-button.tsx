import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';

/** Copies `text` to the clipboard and says so (to screen readers too). */
export function CopyButton({ text, label }: { readonly text: string; readonly label?: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      <button type="button" className="secondary" onClick={() => void copy()}>{label ?? t('common.copy')}</button>
      <span role="status" className="muted"> {copied ? t('common.copied') : ''}</span>
    </>
  );
}
