/** The arrow heads of the dependency arrows, as SVG markers: one plain, one for the critical path. */
import { svg } from '../dom';

/** `<defs>` with markers `${prefix}` and `${prefix}-critical` (ids are page-wide: one prefix per renderer). */
export function arrowHeads(prefix: string): SVGDefsElement {
  const defs = svg('defs');
  for (const [id, cls] of [[prefix, 'arrow-head'], [`${prefix}-critical`, 'arrow-head critical']]) {
    const marker = svg('marker', { id, viewBox: '0 0 6 6', refX: 6, refY: 3, markerWidth: 6, markerHeight: 6, markerUnits: 'userSpaceOnUse', orient: 'auto' });
    marker.append(svg('path', { class: cls, d: 'M0,0 L6,3 L0,6 Z' }));
    defs.append(marker);
  }
  return defs;
}
