// What the shell needs of a gantt renderer (built-in or mermaid).
import type { TimelineModel } from '../../../server/src/language/timeline/types';
import type { ThemeKind } from '../../src/timeline/messages';
import type { Row } from './rows';

export interface GanttInput {
  model: TimelineModel;
  rows: Row[];
  theme: ThemeKind;
  /** Pixels per day (built-in renderer); undefined fits the plan to the width. */
  zoom?: number;
  /** Draw the dependency arrows. */
  links: boolean;
}

export interface GanttActions {
  /** A bar or label was clicked (row index in `rows`). */
  select(row: number, reveal: boolean): void;
  /** A group's twisty (or section title, or a double click on its bar) was used. */
  toggle(groupId: string): void;
}

export interface DrawnBar { id: string; start: string; end: string }

export interface GanttResult { bars: DrawnBar[]; errors: string[] }

export interface GanttView {
  draw(input: GanttInput): Promise<GanttResult>;
  /** Marks one row as highlighted (the editor's cursor) and one as selected (keyboard); -1 for none. Scrolls row `reveal` into view (-1: no scrolling). */
  mark(highlight: number, selected: number, reveal: number): void;
  /** Scrolls so that row `row` is the first one in view (the editor scrolled to its task). */
  scrollRowToTop(row: number): void;
  /** The element that takes keyboard focus. */
  readonly focusTarget: HTMLElement;
  dispose(): void;
}
