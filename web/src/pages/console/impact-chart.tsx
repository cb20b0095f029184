import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { GRADES } from '../../../../src/core/rulebook/model.js';
import type { PreviewView } from '../../api/wire.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** Per grade, how many subjects the draft moves into it and out of it (patterned bars, named in the legend). */
export default function ImpactChart({ preview }: { readonly preview: PreviewView }) {
  const { t } = useI18n();
  const rows = GRADES.map((grade) => ({
    grade,
    entering: preview.gradeChanges.filter((c) => c.to === grade).reduce((n, c) => n + c.subjects, 0),
    leaving: preview.gradeChanges.filter((c) => c.from === grade).reduce((n, c) => n + c.subjects, 0),
  }));
  return (
    <div className="chart-box" role="img" aria-label={t('impact.chartLabel')}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <defs>
            <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#fde8e8" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#a4161a" strokeWidth="3" />
            </pattern>
          </defs>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="grade" />
          <YAxis allowDecimals={false} width={56} />
          <Tooltip />
          <Legend />
          <Bar dataKey="entering" name={t('impact.entering')} fill="#0b5cad" isAnimationActive={false} />
          <Bar dataKey="leaving" name={t('impact.leaving')} fill="url(#hatch)" stroke="#a4161a" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
