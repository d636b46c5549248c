/**
 * Formatting: one canonical layout, reprinted from the tokens (comments included) with the
 * syntax tree giving the structure. The rules:
 *
 * - Indentation: one level per nesting depth — two spaces unless the editor's FormattingOptions
 *   say otherwise (`tabSize`, `insertSpaces`). Continuation lines (after a line comment inside a
 *   property) get one level more.
 * - One item per line: a block header (`task id "Name" {`), a property, or a closing `}`.
 * - One-line blocks: a block that stands on one line in the source, has a body and no child
 *   blocks and no comments inside stays on one line: `resource bob "Bob" { rate 650/d  capacity 50% }`
 *   (two spaces between its properties, `{ }` when empty). Every other block is written out.
 *   Runs of consecutive one-line blocks of the same kind (no blank line or comment line between)
 *   are aligned as a table: ids and names padded to the widest of the run.
 * - Spacing inside an item: one space between tokens, none before `,`, none around `..` (date
 *   ranges) and `/` (rates: `95 EUR/h`).
 * - Blank lines: runs of blank lines become one; none after `{` or before `}`. At the top level a
 *   block written on several lines is always separated from the blocks around it by a blank line
 *   (comments directly above a block stay attached to it); consecutive one-line blocks keep
 *   whether they had a blank line between them.
 * - Comments are kept, in order: a comment that follows code on its line stays there (two spaces
 *   after the code; consecutive lines of one indentation with trailing comments have them aligned,
 *   two spaces after the longest code); a comment on its own line is indented like the item that
 *   follows it; a block comment inside an item stays inline; block comments keep their text.
 * - No trailing whitespace (line comments lose theirs). The file ends with one newline; its line ending (LF or CRLF) and a byte-order mark are kept.
 *
 * The result is idempotent (formatting formatted text changes nothing) and keeps every token and
 * comment in order — checked before anything is returned: if the reprinted text would read back
 * differently, no edit is returned. A file with syntax errors is not formatted (returns []). The
 * edit is a single TextEdit over the part that changes (nothing when the file is already formatted).
 */
import type { FormattingOptions, TextEdit } from 'vscode-languageserver-types';
import type * as A from '../language/ast';
import { tokenize } from '../language/lexer';
import type { PlanContext } from './context';

interface El {
  start: number;
  end: number;
  image: string;
  /** 0 token, 1 line comment, 2 block comment. */
  comment: 0 | 1 | 2;
}

interface Line {
  depth: number;
  code: string;
  /** A comment after the code (trailing); own-line comments are `code`. */
  comment?: string;
  blankBefore: boolean;
}

export function format(ctx: PlanContext, options: FormattingOptions): TextEdit[] {
  const analysis = ctx.analysis;
  const text = analysis.text;
  if (analysis.document.syntaxErrors.length > 0 || analysis.diagnostics.some((d) => d.code === 'syntax')) return [];
  const formatted = formatText(text, analysis.document, options);
  if (formatted === undefined || formatted === text) return [];
  return [minimalEdit(ctx, text, formatted)];
}

/** The formatted text, or undefined when it cannot be produced safely. */
function formatText(text: string, doc: A.PlanDocument, options: Partial<FormattingOptions> = {}): string | undefined {
  const lexed = tokenize(text, 'plan');
  if (lexed.errors.length > 0) return undefined;
  const els = merge(lexed.tokens.map((t) => ({ start: t.startOffset, end: t.startOffset + t.image.length, image: t.image, comment: 0 as const })),
    lexed.comments.map((c) => {
      const line = c.image.startsWith('//');
      // A line comment runs to the end of its line: its trailing whitespace is dropped like any other.
      return { start: c.startOffset, end: c.startOffset + c.image.length, image: line ? c.image.trimEnd() : c.image, comment: line ? 1 as const : 2 as const };
    }));
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = options.insertSpaces === false ? '\t' : ' '.repeat(options.tabSize && options.tabSize > 0 ? Math.min(options.tabSize, 16) : 2);
  const printer = new Printer(text, els);
  const lines = printer.print(doc);
  if (!printer.consumedAll()) return undefined;
  alignComments(lines);
  let out = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  lines.forEach((l, i) => {
    if (l.blankBefore && i > 0) out += eol;
    const code = l.code;
    out += code.length > 0 || l.comment ? unit.repeat(l.depth) + code : '';
    if (l.comment) out += (code.length > 0 ? ' '.repeat((l as AlignedLine).pad ?? 2) : '') + l.comment;
    out += eol;
  });
  if (!sameTokens(lexed, out)) return undefined;
  return out;
}

function merge(tokens: El[], comments: El[]): El[] {
  const out: El[] = [];
  let i = 0, j = 0;
  while (i < tokens.length || j < comments.length) {
    if (j >= comments.length || (i < tokens.length && tokens[i].start < comments[j].start)) out.push(tokens[i++]);
    else out.push(comments[j++]);
  }
  return out;
}

/** Whether the reprinted text reads back as the same tokens and comments. */
function sameTokens(x: ReturnType<typeof tokenize>, b: string): boolean {
  const y = tokenize(b, 'plan');
  if (x.tokens.length !== y.tokens.length || x.comments.length !== y.comments.length || y.errors.length > 0) return false;
  for (let i = 0; i < x.tokens.length; i++) {
    if (x.tokens[i].image !== y.tokens[i].image || x.tokens[i].tokenType !== y.tokens[i].tokenType) return false;
  }
  for (let i = 0; i < x.comments.length; i++) if (commentText(x.comments[i].image) !== commentText(y.comments[i].image)) return false;
  return true;
}

function commentText(image: string): string {
  return image.startsWith('//') ? image.trimEnd() : image;
}

function headerEnd(b: A.Block): number {
  return b.open !== undefined ? b.open + 1 : (b.name?.end ?? b.id?.end ?? b.keyword.end);
}

type Member = { kind: 'prop'; prop: A.Property; start: number } | { kind: 'block'; block: A.Block; start: number };

function membersOf(b: A.Block): Member[] {
  const m: Member[] = [
    ...b.props.map((prop): Member => ({ kind: 'prop', prop, start: prop.start })),
    ...b.children.map((block): Member => ({ kind: 'block', block, start: block.start })),
  ];
  return m.sort((x, y) => x.start - y.start);
}

class Printer {
  private readonly lines: Line[] = [];
  /** Index of the next element not yet printed. */
  private next = 0;
  /** End offset of the last element printed. */
  private lastEnd = 0;
  private readonly lineStarts: number[] = [];

  constructor(private readonly text: string, private readonly els: El[]) {
    this.lineStarts.push(0);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  consumedAll(): boolean { return this.next === this.els.length; }

  private lineOf(offset: number): number {
    const s = this.lineStarts;
    let lo = 0, hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** Whether the source had a blank line between the last printed element and `offset`. */
  private blankBefore(offset: number): boolean {
    if (this.lines.length === 0) return false;
    let n = 0;
    for (let i = this.lastEnd; i < offset; i++) if (this.text.charCodeAt(i) === 10 && ++n >= 2) return true;
    return false;
  }

  private push(line: Line): Line {
    this.lines.push(line);
    return line;
  }

  print(doc: A.PlanDocument): Line[] {
    let prev: { multi: boolean } | undefined;
    const blocks = doc.blocks;
    const aligned = this.alignedHeaders(blocks.map((block) => ({ kind: 'block', block, start: block.start })));
    for (const b of blocks) {
      const first = this.lines.length;
      this.leadingComments(b.start, 0);
      const header = this.lines.length;
      const multi = this.block(b, 0, aligned.get(b), this.blankBefore(b.start));
      // A block on several lines stands apart: one blank line before it (or before its comments).
      if (prev && (prev.multi || multi) && !this.lines.slice(first, header + 1).some((l) => l.blankBefore)) {
        this.lines[first].blankBefore = true;
      }
      prev = { multi };
    }
    this.leadingComments(this.text.length + 1, 0);
    return this.lines;
  }

  /** Own-line comments before `offset`, one line per source line. */
  private leadingComments(offset: number, depth: number, firstInBody = false): void {
    let line: Line | undefined;
    let lineNo = -1;
    while (this.next < this.els.length && this.els[this.next].start < offset && this.els[this.next].comment) {
      const c = this.els[this.next];
      const l = this.lineOf(c.start);
      if (line && l === lineNo) {
        line.code += ' ' + c.image;
      } else {
        line = this.push({ depth, code: c.image, blankBefore: !firstInBody && this.blankBefore(c.start) });
        firstInBody = false;
      }
      lineNo = this.lineOf(c.end);
      this.lastEnd = c.end;
      this.next++;
    }
  }

  /** Comments after an item on the line where it ends: they trail that line. */
  private trailingComments(line: Line, itemEnd: number): void {
    const l = this.lineOf(itemEnd);
    while (this.next < this.els.length && this.els[this.next].comment && this.lineOf(this.els[this.next].start) === l) {
      const c = this.els[this.next];
      line.comment = line.comment ? `${line.comment} ${c.image}` : c.image;
      this.lastEnd = c.end;
      this.next++;
    }
  }

  /**
   * The elements in [start, end) joined by the spacing rules. A line comment inside ends the
   * line: the text goes on in continuation lines. Returns the lines (not yet pushed).
   */
  private join(start: number, end: number): { code: string; comment?: string }[] {
    const out: { code: string; comment?: string }[] = [{ code: '' }];
    let prev: El | undefined;
    while (this.next < this.els.length && this.els[this.next].start < end) {
      const e = this.els[this.next];
      if (e.start < start) break;
      const cur = out[out.length - 1];
      if (e.comment === 1) {
        cur.comment = e.image;
        out.push({ code: '' });
        prev = undefined;
      } else {
        if (cur.code.length > 0) cur.code += spacing(prev, e);
        cur.code += e.image;
        prev = e;
      }
      this.lastEnd = e.end;
      this.next++;
    }
    if (out.length > 1 && out[out.length - 1].code === '') out.pop();
    return out;
  }

  private pushJoined(parts: { code: string; comment?: string }[], depth: number, blankBefore: boolean): Line {
    let last!: Line;
    parts.forEach((p, i) => {
      last = this.push({ depth: i === 0 ? depth : depth + 1, code: p.code, comment: p.comment, blankBefore: i === 0 && blankBefore });
    });
    return last;
  }

  /** Headers of runs of one-line blocks of one kind, padded into columns. */
  private alignedHeaders(members: Member[]): Map<A.Block, string> {
    const out = new Map<A.Block, string>();
    let run: A.Block[] = [];
    const flush = () => {
      if (run.length >= 2) {
        const idW = run.reduce((w, b) => Math.max(w, b.id!.text.length), 0);
        const names = run.map((b) => (b.name ? this.text.slice(b.name.start, b.name.end) : ''));
        const nameW = names.reduce((w, n) => Math.max(w, n.length), 0);
        run.forEach((b, i) => {
          const kw = this.text.slice(b.keyword.start, b.keyword.end);
          out.set(b, `${kw} ${b.id!.text.padEnd(idW)}${nameW > 0 ? ' ' + names[i].padEnd(nameW) : ''} {`);
        });
      }
      run = [];
    };
    let prevEnd = -1;
    for (const m of members) {
      const b = m.kind === 'block' ? m.block : undefined;
      const eligible = b !== undefined && b.id !== undefined && this.cleanHeader(b) && this.oneLineAt(b);
      if (!eligible) { flush(); prevEnd = -1; continue; }
      const last = run[run.length - 1];
      if (last && (last.kind !== b.kind || !this.adjacent(prevEnd, b.start))) flush();
      run.push(b);
      prevEnd = b.close! + 1;
    }
    flush();
    return out;
  }

  /** One line, checked without consuming: used before the block is printed. */
  private oneLineAt(b: A.Block): boolean {
    if (b.open === undefined || b.close === undefined || b.children.length > 0) return false;
    if (this.lineOf(b.start) !== this.lineOf(b.close)) return false;
    return !this.commentBetween(b.start, b.close);
  }

  private cleanHeader(b: A.Block): boolean {
    return !this.commentBetween(b.start, headerEnd(b));
  }

  private commentBetween(start: number, end: number): boolean {
    // Elements are sorted: binary search the first at or after `start`.
    let lo = 0, hi = this.els.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.els[mid].start < start) lo = mid + 1; else hi = mid; }
    for (let i = lo; i < this.els.length && this.els[i].start < end; i++) if (this.els[i].comment) return true;
    return false;
  }

  /**
   * The next block starts on the line where the previous one ends or on the next line, with only
   * comments trailing the previous one between: the two end up on consecutive lines.
   */
  private adjacent(prevEnd: number, start: number): boolean {
    if (this.lineOf(start) > this.lineOf(prevEnd) + 1) return false;
    const i = this.firstElAt(prevEnd);
    for (let k = i; k < this.els.length && this.els[k].start < start; k++) {
      if (this.lineOf(this.els[k].start) !== this.lineOf(prevEnd)) return false;
    }
    return true;
  }

  private firstElAt(offset: number): number {
    let lo = 0, hi = this.els.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.els[mid].start < offset) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /** Prints a block; returns whether it took more than one line. */
  private block(b: A.Block, depth: number, alignedHeader: string | undefined, blank: boolean): boolean {
    const hEnd = headerEnd(b);
    if (b.open !== undefined && b.close !== undefined && this.oneLineAt(b)) {
      let code: string;
      if (alignedHeader !== undefined) {
        code = alignedHeader;
        this.skipTo(hEnd);
      } else code = this.join(b.start, hEnd)[0].code;
      const props = b.props.map((p) => this.join(p.start, p.end)[0].code);
      code += props.length > 0 ? ` ${props.join('  ')} }` : ' }';
      this.skipTo(b.close + 1);
      const line = this.push({ depth, code, blankBefore: blank });
      this.trailingComments(line, b.close);
      return false;
    }
    const headerParts = this.join(b.start, hEnd);
    const header = this.pushJoined(headerParts, depth, blank);
    this.trailingComments(header, hEnd - 1);
    if (b.open === undefined) return headerParts.length > 1;
    const members = membersOf(b);
    const aligned = this.alignedHeaders(members);
    let first = true;
    for (const m of members) {
      const count = this.lines.length;
      this.leadingComments(m.start, depth + 1, first);
      if (this.lines.length > count) first = false;
      const blankHere = !first && this.blankBefore(m.start);
      if (m.kind === 'prop') {
        const line = this.pushJoined(this.join(m.prop.start, m.prop.end), depth + 1, blankHere);
        this.trailingComments(line, m.prop.end - 1);
      } else {
        this.block(m.block, depth + 1, aligned.get(m.block), blankHere);
      }
      first = false;
    }
    if (b.close !== undefined) {
      this.leadingComments(b.close, depth + 1, first);
      const close = this.pushJoined(this.join(b.close, b.close + 1), depth, false);
      this.trailingComments(close, b.close);
    }
    return true;
  }

  /** Consumes the tokens up to `offset` that were printed from their text (aligned headers). */
  private skipTo(offset: number): void {
    while (this.next < this.els.length && this.els[this.next].start < offset) {
      this.lastEnd = this.els[this.next].end;
      this.next++;
    }
  }
}
function spacing(prev: El | undefined, cur: El): string {
  if (!prev) return ' ';
  if (prev.comment || cur.comment) return ' ';
  if (cur.image === ',') return '';
  if (prev.image === '..' || cur.image === '..') return '';
  if (prev.image === '/' || cur.image === '/') return '';
  return ' ';
}

interface AlignedLine extends Line { pad?: number }

/** Trailing comments of consecutive lines (same depth, no blank line between) start in one column. */
function alignComments(lines: Line[]): void {
  let i = 0;
  const alignable = (l: Line) => l.comment !== undefined && l.code.length > 0 && !l.code.includes('\n') && !l.comment.includes('\n');
  while (i < lines.length) {
    if (!alignable(lines[i])) { i++; continue; }
    let j = i + 1;
    while (j < lines.length && alignable(lines[j]) && !lines[j].blankBefore && lines[j].depth === lines[i].depth) j++;
    let width = 0;
    for (let k = i; k < j; k++) width = Math.max(width, lines[k].code.length);
    for (let k = i; k < j; k++) (lines[k] as AlignedLine).pad = width - lines[k].code.length + 2;
    i = j;
  }
}

function minimalEdit(ctx: PlanContext, before: string, after: string): TextEdit {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  // Never split a CRLF pair or a surrogate pair.
  const splits = (t: string, at: number) => at > 0 && at < t.length
    && ((t.charCodeAt(at - 1) === 13 && t.charCodeAt(at) === 10) || (t.charCodeAt(at - 1) >= 0xd800 && t.charCodeAt(at - 1) <= 0xdbff));
  while (p > 0 && (splits(before, p) || splits(after, p))) p--;
  while (s > 0 && (splits(before, before.length - s) || splits(after, after.length - s))) s--;
  return {
    range: ctx.analysis.lines.range({ start: p, end: before.length - s }),
    newText: after.slice(p, after.length - s),
  };
}
