import type { Root } from "hast";
import { common, createLowlight } from "lowlight";

const lowlight = createLowlight(common);

/** Highlighting is skipped above this size: a page should render in well under a second. */
const maxHighlightBytes = 256 * 1024;

/**
 * Highlights source code as a hast tree of `<span class="hljs-…">` and text, or returns null when
 * the language is unknown or the text too long (the page then shows plain text).
 */
export function highlightCode(text: string, language: string | null): Root | null {
  if (!language || !lowlight.registered(language) || text.length > maxHighlightBytes) return null;
  try {
    return lowlight.highlight(language, text);
  } catch {
    return null;
  }
}
