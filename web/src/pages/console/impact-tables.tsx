import type { PreviewView } from '../../api/wire.js';
import type { RulebookNames } from '../../components/rulebook-names.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ScrollTable } from '../../components/scroll-table.js';

/** The preview's numbers: subjects whose grade or points change, each grade move, each list's entries and exits. */
export function ImpactTables({ preview, names }: { readonly preview: PreviewView; readonly names: RulebookNames }) {
  const { t } = useI18n();
  const f = useFormat();
  const moves = [...preview.gradeChanges].sort((a, b) => b.subjects - a.subjects);
  return (
    <div className="stack">
      <div className="stat-grid">
        <div className="stat"><div className="muted">{t('impact.subjects')}</div><div className="value">{f.number(preview.subjects)}</div></div>
        <div className="stat"><div className="muted">{t('impact.gradeChanged')}</div><div className="value" data-testid="grade-changed">{f.number(preview.gradeChanged)}</div></div>
        <div className="stat"><div className="muted">{t('impact.pointsChanged')}</div><div className="value">{f.number(preview.pointsChanged)}</div></div>
      </div>
      <p className="muted">{t('impact.against', { version: preview.against, at: f.dateTime(preview.at) })}</p>
      <div className="columns">
        <ScrollTable label={t('impact.gradeMoves')} caption="visible" columns={[
          t('impact.from'), t('impact.to'), { label: t('impact.subjectsCol'), num: true },
        ]}>
          {moves.length === 0 && <tr><td colSpan={3}>{t('impact.noMoves')}</td></tr>}
          {moves.map((m) => (
            <tr key={`${m.from}-${m.to}`}><td>{m.from}</td><td>{m.to}</td><td className="num">{f.number(m.subjects)}</td></tr>
          ))}
        </ScrollTable>
        <ScrollTable label={t('impact.lists')} caption="visible" columns={[
          t('impact.list'), { label: t('impact.before'), num: true }, { label: t('impact.after'), num: true },
          { label: t('impact.entering'), num: true }, { label: t('impact.leaving'), num: true },
        ]}>
          {preview.lists.map((l) => (
            <tr key={l.listId}>
              <th scope="row">{names.list(l.listId)}<div className="muted"><code>{l.listId}</code></div></th><td className="num">{f.number(l.before)}</td><td className="num">{f.number(l.after)}</td>
              <td className="num">+{f.number(l.entering)}</td><td className="num">−{f.number(l.leaving)}</td>
            </tr>
          ))}
        </ScrollTable>
      </div>
    </div>
  );
}
