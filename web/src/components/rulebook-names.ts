import type { RulebookDocument } from '../api/wire.js';

/** Names and descriptions from the published rulebook, so ids can be shown in plain words. */
export interface RulebookNames {
  readonly list: (id: string) => string;
  readonly measure: (id: string) => string | undefined;
  readonly action: (id: string) => string;
}

export function rulebookNames(doc: RulebookDocument | undefined): RulebookNames {
  const lists = new Map((doc?.lists ?? []).map((l) => [l.id, l.name]));
  const measures = new Map((doc?.measures ?? []).map((m) => [m.id, m.description]));
  // Descriptions are sentences; shown as a label they lose the final full stop.
  const actions = new Map((doc?.actions ?? []).map((a) => [a.id, a.description.replace(/[.。]$/, '')]));
  return {
    list: (id) => lists.get(id) ?? id,
    measure: (id) => measures.get(id),
    action: (id) => actions.get(id) ?? id,
  };
}
