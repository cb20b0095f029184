import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Symbols, Tooltip, XAxis, YAxis, type SymbolType } from 'recharts';
import type { RulebookNames } from '../../../components/rulebook-names.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import type { ListSeries } from './list-series.js';

// Each line differs in colour, dash pattern and marker, so no list is told apart by colour alone.
const COLOURS = ['#0b5cad', '#a4161a', '#1a6b2f', '#8a6100', '#6f42c1', '#3d4550', '#b3541e', '#0e7c86'];
const DASHES = ['', '6 3', '2 3', '10 4 2 4'];
const SYMBOLS: readonly SymbolType[] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'wye'];
const MARK_EVERY = 15;

/** Daily size of each list over the window, with a marker every 15 days and on the last day. */
export default function ListHistoryChart({ days, series, names }: {
  readonly days: readonly string[];
  readonly series: readonly ListSeries[];
  readonly names: RulebookNames;
}) {
  const { t } = useI18n();
  const rows = days.map((day, i) => Object.fromEntries([['day', day], ...series.map((s) => [s.listId, s.subjects[i] ?? 0])]) as Record<string, string | number>);
  return (
    <div className="chart-box chart-tall" role="img" aria-label={t('oversight.historyChart', { n: series.length, days: days.length })}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 40, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" tick={{ fontSize: 12 }} interval={Math.max(0, Math.floor(days.length / 4) - 1)} />
          <YAxis allowDecimals={false} width={56} />
          <Tooltip wrapperStyle={{ maxWidth: '80vw', whiteSpace: 'normal' }} />
          <Legend />
          {series.map((s, k) => {
            const colour = COLOURS[k % COLOURS.length] ?? '#000';
            const symbol = SYMBOLS[k % SYMBOLS.length] ?? 'circle';
            return (
              <Line key={s.listId} type="stepAfter" dataKey={s.listId} name={names.list(s.listId)} stroke={colour} strokeWidth={2}
                strokeDasharray={DASHES[k % DASHES.length] ?? ''} legendType={symbol} isAnimationActive={false}
                dot={(p: { cx?: number; cy?: number; index?: number }) => {
                  const mark = p.index !== undefined && (p.index % MARK_EVERY === 0 || p.index === days.length - 1);
                  if (!mark || p.cx === undefined || p.cy === undefined) return <g key={p.index} />;
                  return <Symbols key={p.index} cx={p.cx} cy={p.cy} type={symbol} size={48} fill={colour} />;
                }} />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
