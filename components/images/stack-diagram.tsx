import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { getStrings } from "@/lib/i18n/server";
import type { ImageTagDetail } from "@/lib/images/catalog/tag-detail";
import { sourceLayers, type SourcedLayer } from "@/lib/images/stack/layer-images";

import { imageStrings, type ImageStrings } from "./strings";
import { tagHref } from "./tags-table";

const layerColors: Record<string, string> = {
  os: "border-l-slate-400 bg-slate-500/10",
  python: "border-l-sky-500 bg-sky-500/10",
  cann: "border-l-rose-500 bg-rose-500/10",
  PyTorch: "border-l-orange-500 bg-orange-500/10",
  MindSpore: "border-l-teal-500 bg-teal-500/10",
  openmind: "border-l-indigo-500 bg-indigo-500/10",
};

function Source({ layer, s }: { layer: SourcedLayer; s: ImageStrings }) {
  const source = layer.source;
  if (!source) return null;
  if (source.kind === "self") return <Badge tone="brand">{s.thisImage}</Badge>;
  if (source.kind === "upstream") {
    return (
      <span className="text-muted-foreground text-xs">
        <span className="font-mono">{source.reference}</span> · {s.osBaseImage}
      </span>
    );
  }
  const [namespace = "", name = ""] = source.repository.split("/");
  const reference = `${name}:${source.tag}`;
  if (!source.inCatalog) {
    return (
      <span className="text-muted-foreground text-xs" data-testid="layer-parent-missing">
        {s.fromImage} <span className="font-mono [overflow-wrap:anywhere]">{reference}</span> ·{" "}
        {source.repositoryInCatalog ? (
          <>
            <Link
              href={`/images/${source.repository}`}
              className="text-brand font-mono [overflow-wrap:anywhere] hover:underline"
            >
              {source.repository}
            </Link>{" "}
            {s.doesNotListTag}
          </>
        ) : (
          s.notInCatalog
        )}
      </span>
    );
  }
  const pull = source.pull;
  return (
    <span className="text-xs">
      <span className="text-muted-foreground">{s.fromImage} </span>
      <Link
        href={tagHref(namespace, name, source.tag)}
        className="text-brand font-mono [overflow-wrap:anywhere] hover:underline"
        title={`${source.repository}:${source.tag}`}
      >
        {reference}
      </Link>
      <span className="text-muted-foreground">
        {" · "}
        {!pull ? s.notPublished : pull.registry === "hub" ? s.onThisHub : s.pulledFrom(pull.label)}
      </span>
    </span>
  );
}

/** The layers of an image drawn as a stack, OS at the bottom, each with the image it comes from. */
export async function StackDiagram({ detail }: { detail: ImageTagDetail }) {
  const s = await getStrings(imageStrings);
  if (!detail.variables) return <p className="text-muted-foreground text-sm">{s.notGrammar}</p>;
  const layers = sourceLayers({
    variables: detail.variables,
    stack: detail.stack,
    parents: detail.parents,
  });
  return (
    // In reading order bottom-up (OS first); drawn with the OS at the bottom.
    <ol className="flex flex-col-reverse gap-1.5" aria-label={s.stack}>
      {layers.map((layer) => (
        <li
          key={`${layer.layer}:${layer.name}`}
          data-testid="stack-layer"
          data-layer={layer.layer}
          className={cn(
            "flex flex-col gap-1 rounded-md border border-l-4 px-3 py-2 sm:flex-row sm:items-center sm:justify-between sm:gap-4",
            layerColors[layer.layer === "framework" ? layer.name : layer.layer],
          )}
        >
          <div className="flex flex-wrap items-baseline gap-x-2">
            <span className="text-muted-foreground w-24 shrink-0 text-[11px] font-semibold tracking-wide uppercase">
              {s.layers[layer.layer]}
            </span>
            <span className="font-medium">
              {layer.name} <span className="font-mono">{layer.version}</span>
            </span>
            {layer.detail ? (
              <span className="text-muted-foreground text-xs">
                {s.chip} {layer.detail.toUpperCase()}
              </span>
            ) : null}
            {layer.implied ? (
              <span className="text-muted-foreground text-xs italic" title={s.impliedHint}>
                ({s.implied})
              </span>
            ) : null}
          </div>
          <div className="min-w-0 self-start text-xs sm:self-auto sm:text-right">
            <Source layer={layer} s={s} />
          </div>
        </li>
      ))}
    </ol>
  );
}
