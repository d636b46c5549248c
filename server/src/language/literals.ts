/** Values of literal tokens, read without regular expressions (they are on the hot path of parsing). */
import type { IToken } from 'chevrotain';
import type { DurationLit, DurationUnit } from './ast';
import { decodeString } from './lexer';

export function parseNumber(image: string): number {
  return image.indexOf('_') < 0 ? +image : +image.split('_').join('');
}

export function stringValue(image: string): string {
  return image.indexOf('\\') < 0 ? image.slice(1, image.endsWith('"') && image.length > 1 ? -1 : undefined) : decodeString(image).value;
}

export function durationLiteral(t: IToken): DurationLit {
  const image = t.image;
  const two = image.endsWith('mo');
  const unit = (two ? 'mo' : image[image.length - 1]) as DurationUnit;
  return { start: t.startOffset, end: t.startOffset + image.length, amount: +image.slice(0, image.length - (two ? 2 : 1)), unit };
}
