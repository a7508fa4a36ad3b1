import { formatBytes, formatCount } from "@/lib/format";
import { getLocale, getStrings } from "@/lib/i18n/server";
import type { ModelFacts } from "@/lib/repos/view/model-facts";

import { modelSidebarStrings } from "./model-sidebar-strings";

/** 30 bars as inline SVG: drawn on the server, no chart library and no client code. */
function DownloadsChart({ days, label }: { days: ModelFacts["downloads"]; label: string }) {
  const most = Math.max(1, ...days.map((d) => d.count));
  const width = 4;
  const gap = 1;
  const height = 32;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${days.length * (width + gap)} ${height}`}
      className="text-brand h-10 w-full"
      preserveAspectRatio="none"
      data-testid="downloads-chart"
    >
      {days.map((d, i) => {
        const h = d.count ? Math.max(1, (d.count / most) * height) : 0.5;
        return (
          <rect
            key={d.day}
            x={i * (width + gap)}
            y={height - h}
            width={width}
            height={h}
            className="fill-current"
            opacity={d.count ? 1 : 0.25}
          >
            <title>{`${d.day}: ${d.count}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

/** Downloads over the last month, parameter count and tensor types, and the size of the files. */
export async function ModelSidebar({ facts }: { facts: ModelFacts }) {
  const [s, locale] = await Promise.all([getStrings(modelSidebarStrings), getLocale()]);
  const total = facts.downloads.reduce((sum, d) => sum + d.count, 0);
  const weights = facts.weights;
  return (
    <section aria-label={s.label} className="space-y-5 text-sm" data-testid="model-sidebar">
      <div className="space-y-1">
        <h2 className="text-muted-foreground text-xs font-medium">{s.downloads}</h2>
        <p className="text-lg font-semibold" data-testid="downloads-last-month">
          {total.toLocaleString(locale === "zh" ? "zh-CN" : "en-US")}
        </p>
        {total ? (
          <DownloadsChart days={facts.downloads} label={s.chart(String(total))} />
        ) : (
          <p className="text-muted-foreground">{s.noDownloads}</p>
        )}
      </div>
      {weights?.safetensors ? (
        <dl className="grid grid-cols-2 gap-x-3 gap-y-1">
          <dt className="text-muted-foreground">{s.modelSize}</dt>
          <dd data-testid="model-parameters">
            {s.parameters(formatCount(weights.safetensors.total, locale))}
          </dd>
          <dt className="text-muted-foreground">{s.tensorTypes}</dt>
          <dd data-testid="model-tensor-types">
            {Object.keys(weights.safetensors.parameters).join(" · ")}
          </dd>
        </dl>
      ) : null}
      {weights ? (
        <p>
          <span className="text-muted-foreground">{s.repoSize}</span>{" "}
          <span data-testid="model-files-size">{formatBytes(weights.sizeBytes)}</span>
        </p>
      ) : null}
    </section>
  );
}
