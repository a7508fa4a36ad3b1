// Client-safe: the editor checks a card before committing it, and the commit route again.
import type { RepoType } from "@/db/schema/enums";
import { parseCard } from "@/lib/hub/card/parse-card";

/**
 * Why `content` cannot be committed as `path`, with the line when the YAML says it, or null.
 * Only the root README.md is a card; its front matter must be readable (what
 * `/api/validate-yaml` reports as an error), while ignored values stay warnings.
 */
export function cardYamlProblem(options: {
  type: RepoType;
  path: string;
  content: string;
}): string | null {
  if (options.path !== "README.md") return null;
  return parseCard(options.content, { type: options.type }).errors[0] ?? null;
}
