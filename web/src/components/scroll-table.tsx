import { useId, type ReactNode } from 'react';

/** A column heading; `num` right-aligns a column of figures. */
export type Column = string | { readonly label: string; readonly num?: boolean };

/**
 * A table that scrolls sideways inside a focusable region named `label`, so keyboard and screen-reader
 * users can reach and scroll it. With `caption`, the label is also the table's caption (hidden or shown)
 * and names the region. `children` are the body's rows.
 */
export function ScrollTable({ label, caption, columns, children }: {
  readonly label: string;
  readonly caption?: 'visible' | 'hidden';
  readonly columns: readonly Column[];
  readonly children: ReactNode;
}) {
  const captionId = useId();
  const named = caption === undefined ? { 'aria-label': label } : { 'aria-labelledby': captionId };
  return (
    <div className="table-scroll" role="region" {...named} tabIndex={0}>
      <table>
        {caption !== undefined && <caption id={captionId} className={caption === 'hidden' ? 'visually-hidden' : undefined}>{label}</caption>}
        <thead>
          <tr>
            {columns.map((c, i) => (typeof c === 'string'
              ? <th key={i} scope="col">{c}</th>
              : <th key={i} scope="col" className={c.num ? 'num' : undefined}>{c.label}</th>))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
