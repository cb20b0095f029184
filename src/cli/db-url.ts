/** Where the registry lives when no --db is given: `CREDENCE_DB`, else a file a newcomer never has to think about. */
export const DEFAULT_DB = 'sqlite:./data/credence.db';

export function defaultDbUrl(env: NodeJS.ProcessEnv): string {
  const fromEnv = env['CREDENCE_DB'];
  return fromEnv !== undefined && fromEnv.trim() !== '' ? fromEnv.trim() : DEFAULT_DB;
}

/** A database URL fit for messages: a password in it is masked. */
export const displayDbUrl = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
