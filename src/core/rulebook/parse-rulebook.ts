import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { Value } from '@sinclair/typebox/value';
import { RulebookDocument } from './schema.js';
import { checkRulebook } from './check-rulebook.js';
import { toRulebook } from './to-rulebook.js';
import type { Rulebook } from './model.js';

/** A problem in a rulebook document, located so an editor can point at it. */
export interface RulebookIssue {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type ParseRulebookResult =
  | { readonly ok: true; readonly rulebook: Rulebook }
  | { readonly ok: false; readonly issues: readonly RulebookIssue[] };

export type PathSegment = string | number;
/** A semantic problem found after the schema check, before it is located in the text. */
export interface PathIssue {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

const MAX_RULEBOOK_BYTES = 2_000_000;

/** Parses and validates a rulebook: YAML syntax, the closed schema, then cross-references and product rules. */
export function parseRulebook(text: string): ParseRulebookResult {
  if (text.length > MAX_RULEBOOK_BYTES) {
    return { ok: false, issues: [{ path: '', line: 1, column: 1, message: `rulebook is ${text.length} characters, at most ${MAX_RULEBOOK_BYTES} allowed` }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { path: '', line: pos.line, column: pos.col, message: e.message.split('\n')[0] ?? e.message };
      }),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const located = (issues: readonly PathIssue[]): ParseRulebookResult => ({
    ok: false,
    issues: issues.map((i) => locate(doc, lines, i)).sort((a, b) => a.line - b.line || a.column - b.column),
  });
  if (!Value.Check(RulebookDocument, data)) {
    const seen = new Set<string>();
    const issues: PathIssue[] = [];
    for (const e of Value.Errors(RulebookDocument, data)) {
      if (seen.has(e.path)) continue;
      seen.add(e.path);
      issues.push({ path: pointerToPath(e.path), message: schemaMessage(e.path, e.message) });
      if (issues.length >= 50) break;
    }
    return located(issues);
  }
  const semantic = checkRulebook(data);
  if (semantic.length > 0) return located(semantic);
  return { ok: true, rulebook: toRulebook(data) };
}

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => {
    const unescaped = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(unescaped) ? Number(unescaped) : unescaped;
  });
}

function schemaMessage(pointer: string, message: string): string {
  const where = pointer === '' ? 'the document' : pointer.slice(1).replace(/\//g, '.');
  if (message === 'Unexpected property') return `${where}: unknown field`;
  return `${where}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

/** Finds the deepest node that exists along the path and reports its position. */
function locate(doc: Document, lines: LineCounter, issue: PathIssue): RulebookIssue {
  const path = issue.path.map(String).join('.');
  for (let n = issue.path.length; n >= 0; n--) {
    const prefix = issue.path.slice(0, n);
    const node = n === 0 ? doc.contents : doc.getIn(prefix, true);
    // For a key that is present, point at the key itself (its value may be on another line).
    const keyNode = n > 0 ? findKeyNode(doc, prefix) : undefined;
    const target = keyNode ?? node;
    if (isNode(target) && target.range) {
      const pos = lines.linePos(target.range[0]);
      return { path, line: pos.line, column: pos.col, message: issue.message };
    }
  }
  return { path, line: 1, column: 1, message: issue.message };
}

function findKeyNode(doc: Document, path: readonly PathSegment[]): unknown {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (!parent || typeof parent !== 'object' || !('items' in parent) || !Array.isArray(parent.items)) return undefined;
  for (const item of parent.items as unknown[]) {
    if (item && typeof item === 'object' && 'key' in item) {
      const key = (item as { key: unknown }).key;
      if (isNode(key) && 'value' in key && key.value === last) return key;
    }
  }
  return undefined;
}
