/** Values of literal tokens, read without regular expressions (they are on the hot path of parsing). */
import type { IToken } from 'chevrotain';
import type { DurationLit, DurationUnit } from './ast';
import { decodeString } from './lexer';

export function parseNumber(image: string): number {
  return image.indexOf('_') < 0 ? +image : +image.split('_').join('');
}

/** The value of a string literal; a bad escape is reported (at its backslash) to `errors`. */
export function stringValue(image: string, errors?: { add(start: number, end: number, message: string): void }, offset = 0): string {
  if (image.indexOf('\\') < 0) return image.slice(1, image.endsWith('"') && image.length > 1 ? -1 : undefined);
  const decoded = decodeString(image);
  if (decoded.badEscape !== undefined && errors) {
    const at = offset + decoded.badEscape;
    errors.add(at, at + 2, `Unknown escape '${image.slice(decoded.badEscape, decoded.badEscape + 2)}' in a string: use \\", \\\\, \\n, \\t or \\u{XXXX}.`);
  }
  return decoded.value;
}

export function durationLiteral(t: IToken): DurationLit {
  const image = t.image;
  const two = image.endsWith('mo');
  const unit = (two ? 'mo' : image[image.length - 1]) as DurationUnit;
  return { start: t.startOffset, end: t.startOffset + image.length, amount: +image.slice(0, image.length - (two ? 2 : 1)), unit };
}
