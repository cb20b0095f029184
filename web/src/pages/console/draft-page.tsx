import { lazy, Suspense, useMemo, useState } from 'react';
import { approveDraft, fetchDraft, previewDraft, publishDraft } from '../../api/operator-api.js';
import { fetchPublishedRulebook } from '../../api/public-api.js';
import { useApi } from '../../api/use-api.js';
import type { DraftView, PreviewView, PublicationView } from '../../api/wire.js';
import { rulebookNames } from '../../components/rulebook-names.js';
import { Async, ErrorBox, Loading } from '../../components/status.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { Link } from '../../router/link.js';
import { ImpactTables } from './impact-tables.js';

const ImpactChart = lazy(() => import('./impact-chart.js'));

/** One draft: who drafted and approved it, its impact on the population, approval and publication. */
export function DraftPage({ version }: { readonly version: string }) {
  const { t } = useI18n();
  const draft = useApi((signal) => fetchDraft(version, signal), version);
  const [published, setPublished] = useState<PublicationView | null>(null);
  return (
    <div className="stack">
      <p><Link to="/console/rulebooks">← {t('rulebooks.title')}</Link></p>
      <h1>{t('draft.title', { version })}</h1>
      {published ? (
        <p role="status" className="notice">{t('draft.published', { version: published.version, n: published.subjects })}</p>
      ) : (
        <Async value={draft}>{(d) => <DraftBody draft={d} onChanged={draft.reload} onPublished={setPublished} />}</Async>
      )}
    </div>
  );
}

function DraftBody({ draft, onChanged, onPublished }: {
  readonly draft: DraftView;
  readonly onChanged: () => void;
  readonly onPublished: (p: PublicationView) => void;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const [preview, setPreview] = useState<PreviewView | null>(null);
  // List names as published; a list the draft adds is shown by its id.
  const rulebook = useApi((signal) => fetchPublishedRulebook(signal), 'rulebook');
  const names = useMemo(() => rulebookNames(rulebook.state === 'ready' ? rulebook.data.document : undefined), [rulebook]);
  const [busy, setBusy] = useState<'preview' | 'approve' | 'publish' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (what: 'preview' | 'approve' | 'publish') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'preview') setPreview(await previewDraft(draft.version));
      if (what === 'approve') { await approveDraft(draft.version); onChanged(); }
      if (what === 'publish') onPublished(await publishDraft(draft.version));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <p>{draft.title} · <code>{draft.sha256.slice(0, 16)}…</code></p>
      <h2>{t('draft.reviews')}</h2>
      <ol className="timeline">
        {draft.reviews.map((r) => (
          <li key={`${r.step}-${r.by}`}>{t(r.step === 'drafted' ? 'draft.draftedBy' : 'draft.approvedBy', { by: r.by, at: f.dateTime(r.at) })}</li>
        ))}
      </ol>
      <p>
        <span className="badge status-badge" data-testid="approval-state">{t(draft.approved ? 'rulebooks.approved' : 'rulebooks.awaiting')}</span>
      </p>
      <section aria-labelledby="impact-title" className="stack">
        <h2 id="impact-title">{t('impact.title')}</h2>
        <p>{t('impact.lead')}</p>
        <p><button type="button" onClick={() => void run('preview')} disabled={busy !== null}>{t(busy === 'preview' ? 'impact.running' : 'impact.run')}</button></p>
        {preview && (
          <>
            <ImpactTables preview={preview} names={names} />
            <Suspense fallback={<Loading />}><ImpactChart preview={preview} /></Suspense>
          </>
        )}
      </section>
      <section aria-labelledby="decide-title" className="stack">
        <h2 id="decide-title">{t('draft.decide')}</h2>
        <p>{t('draft.decideLead')}</p>
        {error ? <ErrorBox error={error} /> : null}
        <p className="actions">
          {!draft.approved && <button type="button" onClick={() => void run('approve')} disabled={busy !== null}>{t('draft.approve')}</button>}
          <button type="button" onClick={() => void run('publish')} disabled={busy !== null || !draft.approved}>{t('draft.publish')}</button>
        </p>
        {!draft.approved && <p className="muted">{t('draft.publishNeedsApproval')}</p>}
      </section>
      {draft.yaml !== undefined && (
        <details>
          <summary>{t('draft.showText')}</summary>
          <pre className="token">{draft.yaml}</pre>
        </details>
      )}
    </>
  );
}
