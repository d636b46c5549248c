/** Zero-based position as LSP defines it (character counts UTF-16 code units, as JS strings do). */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** Half-open offset span [start, end) into a document's text. Core nodes carry only offsets. */
export interface Span { start: number; end: number }

/**
 * Maps offsets to line/character lazily: nodes store offsets only (cheap to build),
 * and line numbers are computed only for the few offsets that are reported.
 */
export class LineIndex {
  private starts: Int32Array | undefined;
  constructor(private readonly text: string) {}

  private lineStarts(): Int32Array {
    if (this.starts) return this.starts;
    const text = this.text;
    let count = 1;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) count++;
    const starts = new Int32Array(count);
    let line = 1;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts[line++] = i + 1;
    this.starts = starts;
    return starts;
  }

  get lineCount(): number { return this.lineStarts().length; }

  position(offset: number): Position {
    const starts = this.lineStarts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= clamped) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: clamped - starts[lo] };
  }

  offset(position: Position): number {
    const starts = this.lineStarts();
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return this.text.length;
    const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] - 1 : this.text.length;
    return Math.min(starts[position.line] + Math.max(0, position.character), lineEnd);
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }
}
