import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OversightView } from '../../../api/wire.js';
import { useI18n } from '../../../i18n/i18n-context.js';

/** Subjects per grade, each bar labelled with its number. */
export default function GradesChart({ grades }: { readonly grades: OversightView['grades'] }) {
  const { t } = useI18n();
  const rows = grades.map((g) => ({ grade: g.grade, subjects: g.subjects }));
  return (
    <div className="chart-box" role="img" aria-label={t('oversight.gradesChart')}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 20, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="grade" />
          <YAxis allowDecimals={false} width={56} />
          <Tooltip />
          <Bar dataKey="subjects" name={t('oversight.subjectsCol')} fill="#0b5cad" isAnimationActive={false}>
            <LabelList dataKey="subjects" position="top" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
