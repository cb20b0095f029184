import { useMemo, useState, type FormEvent } from 'react';
import { enrolSubject, lookUpSubject } from '../../api/operator-api.js';
import { fetchPublishedRulebook } from '../../api/public-api.js';
import { useApi } from '../../api/use-api.js';
import { Async, ErrorBox } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { InquiriesSection } from '../portal/inquiries-section.js';
import { RecordsSection } from '../portal/records-section.js';
import { rulebookNames } from '../../components/rulebook-names.js';
import { StandingSummary } from '../portal/standing-summary.js';
import { SecretOnce } from './secret-once.js';

/** Subject lookup (the file exactly as the subject sees it) and enrolment of the subject's login. */
export function SubjectsPage() {
  const { t } = useI18n();
  const [input, setInput] = useState('');
  const [subjectId, setSubjectId] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = input.trim();
    setSubjectId(id === '' ? null : id);
  };
  return (
    <div className="stack">
      <h1>{t('subjects.title')}</h1>
      <form className="form-narrow" onSubmit={submit} role="search">
        <div className="field">
          <label htmlFor="subject-id">{t('subjects.id')} <span className="hint">{t('subjects.idHint')}</span></label>
          <input id="subject-id" type="text" value={input} onChange={(e) => setInput(e.target.value)} spellCheck={false} />
        </div>
        <button type="submit">{t('subjects.lookUp')}</button>
      </form>
      {subjectId && <SubjectFile key={subjectId} subjectId={subjectId} />}
    </div>
  );
}

function SubjectFile({ subjectId }: { readonly subjectId: string }) {
  const { t } = useI18n();
  const file = useApi((signal) => lookUpSubject(subjectId, signal), subjectId);
  const rulebook = useApi((signal) => fetchPublishedRulebook(signal), 'rulebook');
  const names = useMemo(() => rulebookNames(rulebook.state === 'ready' ? rulebook.data.document : undefined), [rulebook]);
  const [password, setPassword] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const enrol = async () => {
    setError(null);
    try {
      setPassword((await enrolSubject(subjectId)).password ?? null);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Async value={file}>
      {(data) => (
        <div className="stack">
          <p>
            <button type="button" className="secondary" onClick={() => void enrol()}>{t('subjects.enrol')}</button>
          </p>
          {password && <SecretOnce title={t('subjects.passwordFor', { id: data.subject.identifier })} secret={password} onDone={() => setPassword(null)} />}
          {error ? <ErrorBox error={error} /> : null}
          <StandingSummary file={data} names={names} />
          <InquiriesSection inquiries={data.inquiries} names={names} titleOf={(id) => data.records.find((r) => r.id === id)?.title ?? id} />
          <RecordsSection records={data.records} />
        </div>
      )}
    </Async>
  );
}
