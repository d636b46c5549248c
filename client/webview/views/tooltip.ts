/** One floating tooltip per view, placed next to the pointer and kept inside the window. */
import { h } from './dom';

export interface Tooltip {
  /** Lines of plain text; the first is the heading. */
  show(lines: string[], clientX: number, clientY: number): void;
  hide(): void;
  element: HTMLElement;
}

export function createTooltip(parent: HTMLElement): Tooltip {
  const el = h('div', 'pv-tooltip');
  el.setAttribute('role', 'tooltip');
  el.hidden = true;
  parent.append(el);
  return {
    element: el,
    show(lines, x, y) {
      el.replaceChildren(...lines.map((line, i) => h('div', i === 0 ? 'pv-tooltip-title' : 'pv-tooltip-line', line)));
      el.hidden = false;
      const { width, height } = el.getBoundingClientRect();
      const left = x + 14 + width > window.innerWidth ? Math.max(4, x - 14 - width) : x + 14;
      const top = y + 16 + height > window.innerHeight ? Math.max(4, y - 12 - height) : y + 16;
      el.style.left = `${left}px`;
      el.style.top = `${top}px`;
    },
    hide() { el.hidden = true; },
  };
}
