// Small DOM builders: text always goes in through textContent, attributes through setAttribute (never markup).
const SVG_NS = 'http://www.w3.org/2000/svg';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, typeof v === 'number' ? String(Math.round(v * 10) / 10) : v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A native tooltip (an SVG <title> child). */
export function svgTitle(parent: SVGElement, text: string): void {
  parent.append(svg('title', {}, text));
}
