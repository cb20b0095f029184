import type Database from 'better-sqlite3';

export interface InquiryRunsOptions {
  /** The tail becomes a run once it holds this many inquiries. */
  readonly tailRows: number;
  /** Runs of one level merged into one of the next once this many exist. */
  readonly fanIn: number;
  /** About this many rows per statement of a merge or a removal, so no step holds the writer long. */
  readonly chunkRows: number;
}

/**
 * The tail becomes a run at 8,192 inquiries and 16 runs of a level are merged into one: fewer levels
 * than the migration's first sizes (2,048 and 8), so each inquiry is rewritten fewer times, and
 * statements of 512 rows, so the inquiry groups queued behind a step on the same worker wait less.
 * Checks bench, two alternating pairs: 21.6 and 19.0 k checks/s against 17.6 and 17.4 k. A subject's
 * inquiries are still found quickly: the tail is scanned whole, and it holds about 8,192 rows at most.
 */
export const DEFAULT_INQUIRY_RUNS: InquiryRunsOptions = { tailRows: 8192, fanIn: 16, chunkRows: 512 };

/** The last `inquiries` rowid that listed runs cover: the tail is every inquiry after it (service-003). */
const WATERMARK = '(select coalesce(max(upto), 0) from inquiry_run_list)';

/** Ids of the inquiries about one subject (bound twice): the listed runs, then the tail. */
export const INQUIRY_IDS_ABOUT = 'select id from inquiry_runs where run in (select run from inquiry_run_list) and subject_id = ?'
  + ` union select id from inquiries where rowid > ${WATERMARK} and subject_id = ?`;

/** Subjects among a JSON list that a client checked since an instant (bound twice: list, client, since). */
export const SUBJECTS_CHECKED = 'select subject_id from inquiry_runs where run in (select run from inquiry_run_list)'
  + ' and subject_id in (select value from json_each(?)) and client_id = ? and at >= ?'
  + ` union select subject_id from inquiries where rowid > ${WATERMARK} and subject_id in (select value from json_each(?)) and client_id = ? and at >= ?`;

export interface InquiryRuns {
  /** Inquiries were appended; once the tail is long enough, it is moved into a run and runs are merged. */
  noted(rows: number): void;
  /** Waits for the step under way; none starts after. */
  close(): Promise<void>;
}

type Send = (sql: string, params: readonly (string | number)[]) => Promise<void>;

/**
 * Keeps the inquiry index of a SQLite service store: copies the tail (the inquiries after the listed runs'
 * watermark) into a sorted run, whose listing moves the watermark past it, merges runs of a
 * level into one of the next, removes runs no longer listed. Decisions are made here (small reads through
 * `prepared`, the store's statements); every write is sent to the inquiry writer's worker thread (`send`),
 * one bounded statement at a time, while inquiry groups commit on the event loop's thread whenever the
 * write lock is free. Each statement keeps every inquiry in the tail or in a listed run (at worst in
 * both for a moment: readers take distinct ids), so a crash between two of them loses nothing.
 */
export function inquiryRuns(prepared: (sql: string) => Database.Statement, send: Send, options: InquiryRunsOptions = DEFAULT_INQUIRY_RUNS): InquiryRuns {
  const { tailRows, fanIn, chunkRows } = options;
  const building = new Set<number>();
  let noted = tailRows; // the first append looks at the tail, which earlier processes may have left long
  let running: Promise<void> | null = null;
  let closed = false;
  // Runs left unlisted by a crash are looked for once; later ones come only from this process's merges.
  let unlistedMayExist = true;

  const one = <T>(sql: string, ...params: (string | number)[]): T | undefined => prepared(sql).get(...params) as T | undefined;
  const nextRun = (): number => {
    const top = (sql: string): number => Number(one<{ m: number | null }>(sql)?.m ?? 0);
    return Math.max(top('select max(run) as m from inquiry_runs'), top('select max(run) as m from inquiry_run_list'), ...building) + 1;
  };
  /** A subject id after `from` about `skip` rows into `run`, strictly greater than `from`; null past the end. */
  const boundary = (run: number, from: string, skip: number): string | null => {
    const at = one<{ s: string }>('select subject_id as s from inquiry_runs where run = ? and subject_id >= ? order by subject_id limit 1 offset ?', run, from, skip)?.s;
    if (at === undefined) return null;
    return at !== from ? at : (one<{ s: string | null }>('select min(subject_id) as s from inquiry_runs where run = ? and subject_id > ?', run, from)?.s ?? null);
  };

  async function moveTail(): Promise<boolean> {
    const mark = Number(one<{ w: number }>(`select ${WATERMARK} as w`)?.w ?? 0);
    const tail = one<{ n: number; top: number | null }>('select count(*) as n, max(rowid) as top from inquiries where rowid > ?', mark);
    if (!tail || tail.top === null || tail.n < tailRows) return false;
    const run = nextRun();
    building.add(run);
    try {
      // The run's number is the largest: its rows, sorted, go at the end of the tree, page after page.
      // Listing it moves the watermark past the rows it holds, in the same statement.
      await send('insert into inquiry_runs select ?, subject_id, client_id, at, id from inquiries where rowid > ? and rowid <= ? order by subject_id, client_id, at, id', [run, mark, tail.top]);
      await send('insert into inquiry_run_list (run, level, rows, upto) values (?, 0, ?, ?)', [run, tail.n, tail.top]);
    } finally {
      building.delete(run);
    }
    return true;
  }

  async function mergeRuns(): Promise<boolean> {
    const listed = prepared('select run, level, rows, upto from inquiry_run_list order by run').all() as { run: number; level: number; rows: number; upto: number }[];
    const levels = new Map<number, typeof listed>();
    for (const r of listed) levels.set(r.level, [...(levels.get(r.level) ?? []), r]);
    const level = [...levels.keys()].sort((a, b) => a - b).find((l) => (levels.get(l)?.length ?? 0) >= fanIn);
    if (level === undefined) return false;
    const runs = (levels.get(level) ?? []).slice(0, fanIn);
    const total = runs.reduce((n, r) => n + r.rows, 0);
    const upto = runs.reduce((m, r) => Math.max(m, r.upto), 0);
    const widest = runs.reduce((a, b) => (b.rows > a.rows ? b : a));
    const skip = Math.max(1, Math.round((chunkRows * widest.rows) / Math.max(1, total)));
    const sources = JSON.stringify(runs.map((r) => r.run));
    const run = nextRun();
    building.add(run);
    try {
      for (let from = ''; ;) {
        if (closed) return false; // the run stays unlisted, and is removed by the next process
        const to = boundary(widest.run, from, skip);
        await send(`insert into inquiry_runs select ?, subject_id, client_id, at, id from inquiry_runs where run in (select value from json_each(?))
          and subject_id >= ?${to === null ? '' : ' and subject_id < ?'} order by subject_id, client_id, at, id`, [run, sources, from, ...(to === null ? [] : [to])]);
        if (to === null) break;
        from = to;
      }
      await send('insert into inquiry_run_list (run, level, rows, upto) values (?, ?, ?, ?)', [run, level + 1, total, upto]);
      await send('delete from inquiry_run_list where run in (select value from json_each(?))', [sources]);
      unlistedMayExist = true;
    } finally {
      building.delete(run);
    }
    return true;
  }

  /** Removes the rows of runs that are neither listed nor being built (merged away, or left by a crash). */
  async function removeUnlisted(): Promise<boolean> {
    if (!unlistedMayExist) return false;
    unlistedMayExist = false;
    try {
      return await removeEach();
    } catch (error) {
      unlistedMayExist = true;
      throw error;
    }
  }

  async function removeEach(): Promise<boolean> {
    const listed = new Set((prepared('select run from inquiry_run_list').all() as { run: number }[]).map((r) => r.run));
    let removed = false;
    for (let after = -1; ;) {
      const run = one<{ run: number }>('select run from inquiry_runs where run > ? order by run limit 1', after)?.run;
      if (run === undefined) return removed;
      after = run;
      if (listed.has(run) || building.has(run)) continue;
      for (;;) {
        if (closed) return removed;
        const upTo = one<{ s: string }>('select subject_id as s from inquiry_runs where run = ? order by subject_id limit 1 offset ?', run, chunkRows)?.s;
        if (upTo === undefined) {
          await send('delete from inquiry_runs where run = ?', [run]);
          break;
        }
        await send('delete from inquiry_runs where run = ? and subject_id <= ?', [run, upTo]);
      }
      removed = true;
    }
  }

  async function work(): Promise<void> {
    while (!closed && ((await moveTail()) || (await mergeRuns()) || (await removeUnlisted())));
  }

  const start = (): void => {
    if (closed || running || noted < tailRows) return;
    noted = 0;
    // A failed step leaves every inquiry readable (tail or listed run); the next append tries again.
    // Inquiries noted while the upkeep ran start it again at once, so an idle store never keeps a long tail.
    running = work().catch(() => undefined).finally(() => {
      running = null;
      start();
    });
  };

  return {
    noted: (rows) => {
      noted += rows;
      start();
    },
    close: async () => {
      closed = true;
      await running;
    },
  };
}
