// Client-safe: the one markdown pipeline for cards, markdown files and the editor's preview.
import type { Options as MarkdownOptions } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";

import { rehypeRepoUrls } from "./rehype-repo-urls";
import type { RepoUrlBase } from "./resolve-url";

/**
 * GitHub's sanitizing rules (no scripts, no event handlers, no `javascript:` URLs, no styles),
 * plus relative URLs in `src` (images from the repository) and the `<picture>`/`<details>` markup
 * cards commonly use.
 */
const cardSanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    img: [...(defaultSchema.attributes?.img ?? []), "align"],
  },
};

/**
 * Raw HTML is parsed first and then sanitized, so nothing a card author writes survives unless the
 * schema allows it; highlighting and URL rewriting run on the clean tree. Highlighting is capped
 * to languages named on the fence (no guessing: it is slow on long blocks).
 */
export function markdownPlugins(
  base: RepoUrlBase,
): Pick<MarkdownOptions, "remarkPlugins" | "rehypePlugins"> {
  return {
    remarkPlugins: [remarkGfm],
    rehypePlugins: [
      rehypeRaw,
      [rehypeSanitize, cardSanitizeSchema],
      [rehypeHighlight, { detect: false }],
      [rehypeRepoUrls, base],
    ],
  };
}
