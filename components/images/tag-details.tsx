import Link from "next/link";

import { Card } from "@/components/ui/card";
import { formatBytes, formatDate } from "@/lib/format";
import { getLocale, getStrings } from "@/lib/i18n/server";
import type { ImageTagDetail } from "@/lib/images/catalog/tag-detail";

import { Availability } from "./availability";
import { EnvironmentBadges } from "./environment-badges";
import { hardwareLabels, osLabel } from "./labels";
import { imageStrings } from "./strings";

/** The facts of a tag beside its stack: repository, hardware, dates, flags, per-arch manifests. */
export async function TagDetails({ detail }: { detail: ImageTagDetail }) {
  const [s, locale] = await Promise.all([getStrings(imageStrings), getLocale()]);
  const labels = Object.entries(detail.push?.labels ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const rows: [string, React.ReactNode][] = [
    [
      s.repository,
      <Link
        key="repo"
        href={`/images/${detail.repository.fullName}`}
        className="text-brand font-mono hover:underline"
      >
        {detail.repository.fullName}
      </Link>,
    ],
    [s.hardware, detail.hardware ? hardwareLabels[detail.hardware] : s.unknown],
    [s.os, detail.os ? osLabel(detail.os, detail.osVersion) : s.unknown],
    [s.updated, detail.updatedAt ? formatDate(detail.updatedAt, locale) : s.unknown],
    [
      s.environments,
      detail.space || detail.modelCi ? (
        <EnvironmentBadges key="env" space={detail.space} modelCi={detail.modelCi} s={s} />
      ) : (
        s.none
      ),
    ],
    ...(detail.push
      ? ([
          [
            s.created,
            detail.push.imageCreatedAt ? formatDate(detail.push.imageCreatedAt, locale) : s.unknown,
          ],
          [
            s.imageDigest,
            <code key="digest" className="font-mono text-xs break-all" data-testid="image-digest">
              {detail.push.digest}
            </code>,
          ],
        ] satisfies [string, React.ReactNode][])
      : []),
    [
      s.columnAvailable,
      <Availability
        key="available"
        availableLocally={detail.availableLocally}
        sources={detail.sources}
        s={s}
      />,
    ],
  ];
  return (
    <div className="space-y-4">
      <Card className="p-4">
        <h2 className="mb-3 font-semibold">{s.details}</h2>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
          {rows.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-muted-foreground">{term}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card className="p-4">
        <h2 className="mb-3 font-semibold">{s.architectures}</h2>
        <ul className="space-y-3 text-sm" data-testid="manifests">
          {detail.manifests.map((m) => (
            <li key={m.arch} className="space-y-0.5">
              <p className="flex justify-between gap-2">
                <span className="font-mono font-medium">linux/{m.arch}</span>
                <span className="text-muted-foreground">
                  {m.size !== null ? formatBytes(m.size) : s.sizeUnknown}
                </span>
              </p>
              <p className="text-muted-foreground text-xs">
                {s.digest}:{" "}
                {m.digest ? (
                  <code className="font-mono break-all" title={m.digest}>
                    {m.digest}
                  </code>
                ) : (
                  s.notKnownYet
                )}
              </p>
            </li>
          ))}
        </ul>
      </Card>
      {labels.length ? (
        <Card className="p-4">
          <h2 className="font-semibold">{s.labels}</h2>
          <p className="text-muted-foreground mb-3 text-xs">{s.labelsLead}</p>
          <dl className="space-y-2 text-sm" data-testid="image-labels">
            {labels.map(([key, value]) => (
              <div key={key}>
                <dt className="text-muted-foreground font-mono text-xs break-all">{key}</dt>
                <dd className="break-words">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
      ) : null}
    </div>
  );
}
