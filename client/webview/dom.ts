/**
 * Building DOM and SVG without markup strings: plan text only ever goes in through textContent, and
 * attributes through setAttribute.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** An SVG element; numbers are written with at most two decimals (finer is invisible and bloats the DOM). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, typeof v === 'number' ? String(Math.round(v * 100) / 100) : v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A native tooltip (an SVG <title> child). */
export function svgTitle(parent: SVGElement, text: string): void {
  parent.append(svg('title', {}, text));
}

/** A button that does `action` (type=button, so it never submits anything). */
export function button(className: string, text: string, action: () => void, title?: string): HTMLButtonElement {
  const b = el('button', className, text);
  b.type = 'button';
  if (title) b.title = title;
  b.addEventListener('click', (e) => { e.stopPropagation(); action(); });
  return b;
}
