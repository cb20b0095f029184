import { lazy, Suspense, useMemo } from 'react';
import { fetchPublishedRulebook } from '../../api/public-api.js';
import { fetchMyFile, fetchMyHistory } from '../../api/subject-api.js';
import { useApi } from '../../api/use-api.js';
import { Async, Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { AttestationsSection } from './attestations/attestations-section.js';
import { DisputesSection } from './due-process/disputes-section.js';
import { RecordActions } from './due-process/record-actions.js';
import { useDueProcess } from './due-process/use-due-process.js';
import { FileReadsSection } from './file-reads-section.js';
import { InquiriesSection } from './inquiries-section.js';
import { ProofsSection } from './proofs-section.js';
import { RecordsSection } from './records-section.js';
import { rulebookNames } from '../../components/rulebook-names.js';
import { StandingSummary } from './standing-summary.js';

// Charts are their own chunk: the file shows before the charting library has loaded.
const PointsChart = lazy(() => import('./points-chart.js'));

/** The subject's own file: standing, points over time, who checked it, every record with its due process, attestations, proofs. */
export function PortalPage() {
  const { t } = useI18n();
  const file = useApi((signal) => fetchMyFile(signal), 'file');
  const history = useApi((signal) => fetchMyHistory(signal), 'history');
  // Names of lists, measures and actions come from the published rulebook; ids are shown until it loads.
  const rulebook = useApi((signal) => fetchPublishedRulebook(signal), 'rulebook');
  const document = rulebook.state === 'ready' ? rulebook.data.document : undefined;
  const names = useMemo(() => rulebookNames(document), [document]);
  const dueProcess = useDueProcess();
  // A due-process step changes the file too (a disputed record may stop counting): everything is read again.
  const changed = () => { dueProcess.reload(); file.reload(); history.reload(); };
  return (
    <div className="stack">
      <h1>{t('portal.title')}</h1>
      <Async value={file}>
        {(data) => {
          const titles = new Map(data.records.map((r) => [r.id, r.title]));
          const titleOf = (id: string) => titles.get(id) ?? id;
          return (
            <>
              <p className="muted">{t('portal.subject', { id: data.subject.identifier, kind: t(`kind.${data.subject.kind}`) })}</p>
              <nav aria-label={t('portal.sections')}>
                <ul className="inline-list">
                  <li><a href="#standing-title">{t('standing.title')}</a></li>
                  <li><a href="#chart-title">{t('history.title')}</a></li>
                  <li><a href="#records-title">{t('records.title', { n: data.records.length })}</a></li>
                  <li><a href="#disputes-title">{t('disputes.title', { n: dueProcess.disputes.state === 'ready' ? dueProcess.disputes.data.disputes.length : 0 })}</a></li>
                  <li><a href="#inquiries-title">{t('inquiries.title', { n: data.inquiries.length })}</a></li>
                  <li><a href="#reads-title">{t('reads.title', { n: data.readBy.length })}</a></li>
                  <li><a href="#attestations-title">{t('attest.title')}</a></li>
                  <li><a href="#proofs-title">{t('proofs.title')}</a></li>
                </ul>
              </nav>
              <StandingSummary file={data} names={names} />
              <Async value={history}>
                {(h) => <Suspense fallback={<Loading />}><PointsChart history={h} titleOf={titleOf} /></Suspense>}
              </Async>
              <InquiriesSection inquiries={data.inquiries} names={names} titleOf={titleOf} />
              <FileReadsSection reads={data.readBy} />
              <RecordsSection records={data.records}
                actions={(r) => <RecordActions record={r} state={dueProcess.stateOf(r, data, document)} onChanged={changed} />} />
              <Async value={dueProcess.disputes}>
                {(d) => <DisputesSection disputes={d.disputes} titleOf={titleOf} onChanged={changed} />}
              </Async>
              <AttestationsSection />
              <ProofsSection titleOf={titleOf} />
            </>
          );
        }}
      </Async>
    </div>
  );
}
