import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistoryView } from '../../api/wire.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { historyLabel } from './history-label.js';
import { ScrollTable } from '../../components/scroll-table.js';

interface Row {
  readonly t: number;
  readonly points: number;
  readonly grade: string;
  readonly label: string;
  readonly event: boolean;
}

/** Points over time as a step chart, with the events that moved them; the same data as a table below. */
export default function PointsChart({ history, titleOf }: { readonly history: HistoryView; readonly titleOf: (id: string) => string }) {
  const { t } = useI18n();
  const f = useFormat();
  const rows: Row[] = history.points.map((p) => ({
    t: Date.parse(p.at), points: p.points, grade: p.grade, label: historyLabel(p, t, titleOf), event: p.cause === 'event',
  }));
  // Over a short span (a file furnished today) the axis shows times, not the same date repeated.
  const span = (rows.at(-1)?.t ?? 0) - (rows[0]?.t ?? 0);
  const tick = (v: number) => (span < 2 * 86_400_000 ? f.dateTime(v) : f.date(v));
  const start = rows[0]?.t ?? 0;
  const ticks = span > 0 ? [0, 1, 2, 3].map((i) => start + (span * i) / 3) : [start];
  return (
    <section aria-labelledby="chart-title" className="stack">
      <h2 id="chart-title">{t('history.title')}</h2>
      <div className="chart-box" role="img" aria-label={t('history.chartLabel', { n: rows.length })}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 64, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} ticks={ticks} tickFormatter={tick} tick={{ fontSize: 12 }} />
            <YAxis domain={['auto', 'auto']} width={56} />
            <Tooltip
              wrapperStyle={{ maxWidth: '80vw', whiteSpace: 'normal' }}
              labelFormatter={(v) => f.dateTime(Number(v))}
              formatter={(value, _name, item) => {
                const row = item.payload as Row;
                return [`${String(value)} (${row.grade}) — ${row.label}`, t('standing.points')];
              }}
            />
            <Line type="stepAfter" dataKey="points" stroke="#0b5cad" strokeWidth={2} isAnimationActive={false}
              dot={(props: { cx?: number; cy?: number; index?: number }) => {
                const row = props.index === undefined ? undefined : rows[props.index];
                if (!row?.event || props.cx === undefined || props.cy === undefined) return <g key={props.index} />;
                return <circle key={props.index} cx={props.cx} cy={props.cy} r={4} fill="#0b5cad" />;
              }} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{t('history.asTable')}</summary>
        <ScrollTable label={t('history.title')} columns={[
          t('common.when'), t('history.what'), { label: t('standing.points'), num: true }, t('standing.grade'),
        ]}>
          {rows.map((r, i) => (
            <tr key={i}><td>{f.dateTime(r.t)}</td><td>{r.label}</td><td className="num">{r.points}</td><td>{r.grade}</td></tr>
          ))}
        </ScrollTable>
      </details>
    </section>
  );
}
