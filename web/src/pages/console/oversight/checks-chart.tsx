import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OversightView } from '../../../api/wire.js';
import { useI18n } from '../../../i18n/i18n-context.js';

/** Checks and denials per action: solid bars for checks, hatched bars for denials, named in the legend. */
export default function ChecksChart({ byAction }: { readonly byAction: OversightView['checks']['byAction'] }) {
  const { t } = useI18n();
  const rows = byAction.map((a) => ({ action: a.action, checks: a.checks, denials: a.denials }));
  return (
    <div className="chart-box" role="img" aria-label={t('oversight.checksChart')}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <defs>
            <pattern id="denials-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#fde8e8" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#a4161a" strokeWidth="3" />
            </pattern>
          </defs>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="action" tick={{ fontSize: 11 }} interval={0} />
          <YAxis allowDecimals={false} width={56} />
          <Tooltip />
          <Legend />
          <Bar dataKey="checks" name={t('oversight.checksCol')} fill="#0b5cad" isAnimationActive={false} />
          <Bar dataKey="denials" name={t('oversight.denials')} fill="url(#denials-hatch)" stroke="#a4161a" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
