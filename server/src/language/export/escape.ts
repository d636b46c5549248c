/** Escaping for the export formats: XML/HTML text and attributes, mermaid task text, iCalendar text. */

/** Text or attribute value in XML/HTML: `& < > " '` become entities. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

const MERMAID_KEYWORD = /^(section|title|dateformat|axisformat|tickinterval|todaymarker|excludes|includes|inclusiveenddates|topaxis|weekday|weekend|acctitle|accdescr|click|call|href|gantt|displaymode)\b/i;

/**
 * Text of a mermaid gantt task or section. Mermaid's gantt lexer ends a task's text at `:`, `#`, `;`
 * and a line break, and treats `%%` as a comment; mermaid replaces `#NN;` by the character NN before
 * parsing and puts `&#NN;` into the SVG. So every character outside a small safe set (letters,
 * digits, space and harmless punctuation) becomes `#<code point>;`: names are shown exactly and cannot
 * inject syntax or HTML. A name that starts like a gantt keyword gets its first letter encoded.
 */
export function escapeMermaid(s: string): string {
  let out = '';
  for (const ch of s.replace(/[\r\n\t]+/g, ' ')) {
    out += /^[\p{L}\p{N} ,.!?()_+\-/]$/u.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  out = out.trim();
  if (MERMAID_KEYWORD.test(out)) out = `#${out.codePointAt(0)};${out.slice(String.fromCodePoint(out.codePointAt(0)!).length)}`;
  return out === '' ? '#160;' : out;
}

/** TEXT value of RFC 5545 (3.3.11): backslash, `;`, `,` escaped, line breaks as `\n`. */
export function escapeIcsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line to at most 75 octets per line (RFC 5545 3.1), never splitting a UTF-8 sequence. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let cur = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = utf8Octets(ch.codePointAt(0)!);
    if (octets + n > limit) { parts.push(cur); cur = ''; octets = 0; limit = 74; }
    cur += ch;
    octets += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

/** Octets of one code point in UTF-8 (computed, so the core needs no Node Buffer). */
function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}
