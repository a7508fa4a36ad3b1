import Markdown from "react-markdown";

import { markdownPlugins } from "@/lib/repos/markdown/plugins";
import type { RepoUrlBase } from "@/lib/repos/markdown/resolve-url";

import "./markdown.css";

/**
 * Markdown as GitHub shows it: tables, task lists, highlighted code, raw HTML sanitized, links
 * and images resolved to the repository's files. Renders on the server and in the browser (the
 * editor's preview) with the same pipeline.
 */
export function MarkdownView({
  source,
  base,
  className,
}: {
  source: string;
  base: RepoUrlBase;
  className?: string;
}) {
  return (
    <div className={`markdown-body ${className ?? ""}`}>
      <Markdown {...markdownPlugins(base)}>{source}</Markdown>
    </div>
  );
}
