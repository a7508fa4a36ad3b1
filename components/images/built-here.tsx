import Link from "next/link";

import { formatBytes } from "@/lib/format";
import { getStrings } from "@/lib/i18n/server";
import type { BuiltHere as BuiltHereInfo } from "@/lib/images/build/view";

import { buildStrings } from "./build-strings";

/** How this hub built the tag's image: per arch its digest, size and cache key; the build for admins. */
export async function BuiltHere({
  built,
  linkBuild,
}: {
  built: BuiltHereInfo;
  linkBuild: boolean;
}) {
  const s = await getStrings(buildStrings);
  return (
    <section aria-labelledby="built-here" className="space-y-3" data-testid="built-here">
      <div>
        <h2 id="built-here" className="text-lg font-semibold">
          {s.builtHere}
          {linkBuild ? (
            <Link
              href={`/images/builds/${built.buildId}`}
              className="text-brand ml-2 text-sm font-normal hover:underline"
            >
              {s.viewBuild(built.buildId)}
            </Link>
          ) : null}
        </h2>
        <p className="text-muted-foreground text-sm">{s.builtHereLead}</p>
      </div>
      <table className="w-full text-left text-sm">
        <thead className="text-muted-foreground">
          <tr>
            <th className="py-1 pr-4 font-medium">{s.arch}</th>
            <th className="py-1 pr-4 font-medium">{s.digest}</th>
            <th className="py-1 pr-4 font-medium">{s.size}</th>
            <th className="py-1 font-medium">{s.cacheKey}</th>
          </tr>
        </thead>
        <tbody>
          {built.arches.map((a) => (
            <tr key={a.arch} className="border-border border-t align-top">
              <td className="py-1 pr-4 font-mono">{a.arch}</td>
              <td className="py-1 pr-4 font-mono text-xs [overflow-wrap:anywhere]">{a.digest}</td>
              <td className="py-1 pr-4">{a.size !== null ? formatBytes(a.size) : "—"}</td>
              <td className="py-1 font-mono text-xs [overflow-wrap:anywhere]">{a.cacheKey}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
