/** One thing a menu offers. A list of these is what a menu takes, so a new action is one more entry. */
export interface MenuAction {
  /** Stable key (React's, and tests' hooks); unique within its menu. */
  id: string;
  label: string;
  run: () => void;
  disabled?: boolean;
  /** Listed in the menu only when the bar it belongs to is too narrow to show it as a button. */
  whenNarrow?: boolean;
}

/** Actions under a heading (e.g. "Add to collection"); a section without a label is plain items. */
export interface MenuSection {
  id: string;
  label?: string;
  actions: readonly MenuAction[];
}
