/** `insert ... on conflict (key) do update` replacing every non-key column; the same text works on both dialects. */
export function upsertSql(table: string, columns: readonly string[], key: readonly string[], values: string): string {
  const updates = columns.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`).join(', ');
  return `insert into ${table} (${columns.join(', ')}) ${values.startsWith('select') ? values : `values (${values})`} on conflict (${key.join(', ')}) do update set ${updates}`;
}
