// Client-safe rehype plugin: rewrites the URLs of links and images in a sanitized card.
import type { Element, Root, RootContent } from "hast";

import { resolveRepoUrl, type RepoUrlBase } from "./resolve-url";

const imageTags = new Set(["img", "source", "video", "audio"]);

function rewrite(node: Element, base: RepoUrlBase): void {
  const props = node.properties;
  if (node.tagName === "a" && typeof props.href === "string") {
    const href = resolveRepoUrl(props.href, base, "link");
    if (href === null) delete props.href;
    else {
      props.href = href;
      // Links that leave the site open without handing it the page.
      if (/^https?:/i.test(href)) props.rel = ["nofollow", "noopener", "noreferrer"];
    }
  }
  if (imageTags.has(node.tagName) && typeof props.src === "string") {
    const src = resolveRepoUrl(props.src, base, "image");
    if (src === null) delete props.src;
    else props.src = src;
  }
  if (node.tagName === "source" && typeof props.srcSet === "string") delete props.srcSet;
}

function walk(nodes: RootContent[], base: RepoUrlBase): void {
  for (const node of nodes) {
    if (node.type !== "element") continue;
    rewrite(node, base);
    walk(node.children, base);
  }
}

/** Resolves relative links and images against the repository (see resolveRepoUrl). */
export function rehypeRepoUrls(base: RepoUrlBase) {
  return (tree: Root) => walk(tree.children, base);
}
