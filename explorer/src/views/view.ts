import type { Child } from '../dom.js';

/** What a route renders: its title (for the tab and the announcement), its content, and what to do once shown. */
export interface View {
  title: string;
  content: Child;
  /** Runs once the content is in the page (e.g. scroll to a quote); by default the page's heading gets focus. */
  shown?: () => void;
}
