import Link from "next/link";

import { formatBytes, formatDate } from "@/lib/format";
import { getLocale, getStrings } from "@/lib/i18n/server";
import type { ImageTagSummary } from "@/lib/images/catalog/catalog";

import { Availability } from "./availability";
import { EnvironmentBadges } from "./environment-badges";
import { imageStrings } from "./strings";
import { TagSummaryLine } from "./tag-summary-line";

export function tagHref(namespace: string, name: string, tag: string): string {
  return `/images/${namespace}/${name}/tags/${encodeURIComponent(tag)}`;
}

const cell = "px-4 py-3 align-top max-md:block max-md:px-4 max-md:py-1";
const label = "mr-1 text-muted-foreground md:hidden";

/** The tags of a repository: a table on wide screens, one card per tag on phones. */
export async function TagsTable({
  namespace,
  name,
  tags,
}: {
  namespace: string;
  name: string;
  tags: ImageTagSummary[];
}) {
  const [s, locale] = await Promise.all([getStrings(imageStrings), getLocale()]);
  return (
    <div className="overflow-hidden rounded-lg border">
      <table className="w-full text-sm max-md:block">
        <thead className="bg-subtle text-muted-foreground text-left max-md:hidden">
          <tr>
            <th className="px-4 py-2 font-medium whitespace-nowrap">{s.columnTag}</th>
            <th className="px-4 py-2 font-medium whitespace-nowrap">{s.columnArches}</th>
            <th className="px-4 py-2 font-medium whitespace-nowrap">{s.columnAvailable}</th>
            <th className="px-4 py-2 font-medium whitespace-nowrap">{s.columnUpdated}</th>
          </tr>
        </thead>
        <tbody className="max-md:block">
          {tags.map((tag) => (
            <tr
              key={tag.tag}
              className="border-t first:border-t-0 max-md:block max-md:py-2 md:first:border-t"
              data-testid="image-tag-row"
            >
              <td className={cell}>
                <div className="flex flex-col gap-1">
                  <Link
                    href={tagHref(namespace, name, tag.tag)}
                    className="text-brand font-mono text-[13px] font-medium [overflow-wrap:anywhere] hover:underline"
                  >
                    {tag.tag}
                  </Link>
                  <TagSummaryLine tag={tag} />
                  <EnvironmentBadges space={tag.space} modelCi={tag.modelCi} s={s} />
                </div>
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                <span className={label}>{s.columnArches}:</span>
                <ul className="inline-flex flex-col gap-0.5 max-md:inline-flex max-md:flex-row max-md:gap-3">
                  {tag.manifests.map((m) => (
                    <li key={m.arch}>
                      <span className="font-mono text-xs">{m.arch}</span>{" "}
                      <span className="text-muted-foreground">
                        {m.size !== null ? formatBytes(m.size) : s.sizeUnknown}
                      </span>
                    </li>
                  ))}
                </ul>
              </td>
              <td className={cell}>
                <span className={label}>{s.columnAvailable}:</span>
                <Availability availableLocally={tag.availableLocally} sources={tag.sources} s={s} />
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                <span className={label}>{s.columnUpdated}:</span>
                {tag.updatedAt ? (
                  formatDate(tag.updatedAt, locale)
                ) : (
                  <span className="text-muted-foreground">{s.unknown}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
