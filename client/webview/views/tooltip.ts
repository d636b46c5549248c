/** One floating tooltip per view, placed next to the pointer and kept inside the window. */
import { el } from '../dom';

export interface Tooltip {
  /** Lines of plain text; the first is the heading. */
  show(lines: string[], clientX: number, clientY: number): void;
  hide(): void;
  element: HTMLElement;
}

export function createTooltip(parent: HTMLElement): Tooltip {
  const box = el('div', 'pv-tooltip');
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  parent.append(box);
  return {
    element: box,
    show(lines, x, y) {
      box.replaceChildren(...lines.map((line, i) => el('div', i === 0 ? 'pv-tooltip-title' : 'pv-tooltip-line', line)));
      box.hidden = false;
      const { width, height } = box.getBoundingClientRect();
      const left = x + 14 + width > window.innerWidth ? Math.max(4, x - 14 - width) : x + 14;
      const top = y + 16 + height > window.innerHeight ? Math.max(4, y - 12 - height) : y + 16;
      box.style.left = `${left}px`;
      box.style.top = `${top}px`;
    },
    hide() { box.hidden = true; },
  };
}
