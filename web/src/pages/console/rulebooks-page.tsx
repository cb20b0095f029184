import { useState, type ChangeEvent } from 'react';
import { listDrafts, uploadDraft } from '../../api/operator-api.js';
import { fetchPublishedRulebook } from '../../api/public-api.js';
import { useApi } from '../../api/use-api.js';
import { Async, ErrorBox } from '../../components/status.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { Link } from '../../router/link.js';
import { navigate } from '../../router/router.js';
import { problemIssues } from './problem-issues.js';
import { YamlEditor, type LineIssue } from './yaml-editor.js';

/** Drafts awaiting review, and a new draft: edit the rulebook in force or upload a file. */
export function RulebooksPage() {
  const { t } = useI18n();
  const f = useFormat();
  const drafts = useApi((signal) => listDrafts(signal), 'drafts');
  const current = useApi((signal) => fetchPublishedRulebook(signal), 'rulebook');
  return (
    <div className="stack">
      <h1>{t('rulebooks.title')}</h1>
      <Async value={current}>
        {(rb) => <p>{t('rulebooks.inForce', { version: rb.version, title: rb.title, at: f.date(rb.publishedAt) })}</p>}
      </Async>
      <section aria-labelledby="drafts-title">
        <h2 id="drafts-title">{t('rulebooks.drafts')}</h2>
        <Async value={drafts}>
          {(d) => d.items.length === 0 ? <p>{t('rulebooks.noDrafts')}</p> : (
            <ul>
              {d.items.map((item) => (
                <li key={item.version}>
                  <Link to={`/console/rulebooks/${encodeURIComponent(item.version)}`}>{item.version}: {item.title}</Link>{' '}
                  <span className="badge status-badge">{t(item.approved ? 'rulebooks.approved' : 'rulebooks.awaiting')}</span>
                  <span className="muted"> {f.dateTime(item.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </Async>
      </section>
      {current.state === 'ready' && <NewDraft initial={current.data.yaml} />}
    </div>
  );
}

function NewDraft({ initial }: { readonly initial: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  const [issues, setIssues] = useState<readonly LineIssue[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setText(await file.text());
  };
  const upload = async () => {
    setBusy(true);
    setError(null);
    setIssues([]);
    try {
      const draft = await uploadDraft(text);
      navigate(`/console/rulebooks/${encodeURIComponent(draft.version)}`);
    } catch (err) {
      const located = problemIssues(err);
      if (located) setIssues(located);
      else setError(err);
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="new-draft" className="stack">
      <h2 id="new-draft">{t('rulebooks.newDraft')}</h2>
      <p>{t('rulebooks.newDraftLead')}</p>
      <div className="field">
        <label htmlFor="draft-file">{t('rulebooks.uploadFile')}</label>
        <input id="draft-file" type="file" accept=".yaml,.yml,application/yaml,text/yaml" onChange={(e) => void load(e)} />
      </div>
      <YamlEditor id="draft-text" label={t('rulebooks.text')} value={text} onChange={setText} issues={issues} />
      {error ? <ErrorBox error={error} /> : null}
      <button type="button" onClick={() => void upload()} disabled={busy}>{t('rulebooks.saveDraft')}</button>
    </section>
  );
}
