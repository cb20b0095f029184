import { useRef } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import { offsetOf } from './text-position.js';

/** A problem located in the text (line and column are 1-based, as the API reports them). */
export interface LineIssue {
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly path?: string | undefined;
  readonly message: string;
}

/** A YAML text area with its validation problems listed below; each problem jumps to its line. */
export function YamlEditor({ id, label, value, onChange, issues }: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly issues: readonly LineIssue[];
}) {
  const { t } = useI18n();
  const area = useRef<HTMLTextAreaElement>(null);
  const lines = value.split('\n');
  const jump = (issue: LineIssue) => {
    const el = area.current;
    if (!el || issue.line === undefined) return;
    const at = offsetOf(value, issue.line, issue.column);
    el.focus();
    el.setSelectionRange(at, offsetOf(value, issue.line, Number.MAX_SAFE_INTEGER));
    // Scroll the line into view: line height times the lines above it.
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 18;
    el.scrollTop = Math.max(0, (issue.line - 3) * lineHeight);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} ref={area} rows={24} spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)}
        aria-invalid={issues.length > 0} aria-describedby={issues.length > 0 ? `${id}-issues` : undefined} />
      {issues.length > 0 && (
        <div id={`${id}-issues`} role="alert" className="error-box">
          <strong>{t('draft.issues', { n: issues.length })}</strong>
          <ol>
            {issues.map((issue, i) => (
              <li key={i}>
                {issue.line !== undefined ? (
                  <button type="button" className="link-button" onClick={() => jump(issue)}>
                    {t('draft.atLine', { line: issue.line, column: issue.column ?? 1 })}
                  </button>
                ) : null}{' '}
                {issue.message}
                {issue.line !== undefined && lines[issue.line - 1] !== undefined && (
                  <div><code className="line-error">{issue.line}: {lines[issue.line - 1]}</code></div>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
