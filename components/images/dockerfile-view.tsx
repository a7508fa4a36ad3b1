import hljs from "highlight.js/lib/core";
import dockerfile from "highlight.js/lib/languages/dockerfile";

import { buttonClasses } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { getStrings } from "@/lib/i18n/server";
import type { ParentImage } from "@/lib/images/stack/layer-images";

import { imageStrings } from "./strings";

hljs.registerLanguage("dockerfile", dockerfile);

// Token colours for highlight.js classes, scoped to this block (light and dark).
const tokenColors = [
  "[&_.hljs-keyword]:font-semibold [&_.hljs-keyword]:text-indigo-700 dark:[&_.hljs-keyword]:text-indigo-300",
  "[&_.hljs-comment]:text-slate-500 [&_.hljs-comment]:italic dark:[&_.hljs-comment]:text-slate-400",
  "[&_.hljs-string]:text-emerald-700 dark:[&_.hljs-string]:text-emerald-300",
  "[&_.hljs-variable]:text-rose-700 dark:[&_.hljs-variable]:text-rose-300",
  "[&_.hljs-built_in]:text-sky-700 dark:[&_.hljs-built_in]:text-sky-300",
].join(" ");

/** The generated Dockerfile, highlighted, with copy and download; or why there is none. */
export async function DockerfileView({
  dockerfile: text,
  reason,
  parent,
  downloadHref,
}: {
  dockerfile: string | null;
  reason: string | null;
  /** The direct parent its FROM line names (none for the bottom image). */
  parent: ParentImage | undefined;
  downloadHref: string;
}) {
  const s = await getStrings(imageStrings);
  const pull = parent?.pull;
  const from = !parent
    ? null
    : !pull
      ? s.fromNowhere(`${parent.repository}:${parent.tag}`)
      : pull.registry === "hub"
        ? s.fromHub
        : s.fromUpstream(pull.label);
  return (
    <section aria-labelledby="dockerfile-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="dockerfile-heading" className="text-lg font-semibold">
            {s.dockerfile}
          </h2>
          <p className="text-muted-foreground text-sm">{text ? s.dockerfileLead : reason}</p>
          {text && from ? (
            <p className="text-muted-foreground text-sm" data-testid="dockerfile-parent">
              {from}
            </p>
          ) : null}
        </div>
        {text ? (
          <div className="flex gap-2">
            <CopyButton text={text} label={s.copyDockerfile} />
            <a href={downloadHref} download className={buttonClasses("secondary", "sm")}>
              {s.download}
            </a>
          </div>
        ) : null}
      </div>
      {text ? (
        <pre
          className={`bg-subtle max-h-[32rem] overflow-auto rounded-md border p-4 font-mono text-xs leading-relaxed ${tokenColors}`}
          data-testid="dockerfile"
        >
          {/* highlight.js escapes the text it is given; the markup is only its own spans. */}
          <code
            dangerouslySetInnerHTML={{
              __html: hljs.highlight(text, { language: "dockerfile" }).value,
            }}
          />
        </pre>
      ) : null}
    </section>
  );
}
