import { CopyField } from "@/components/ui/copy-button";
import { DropdownDetails } from "@/components/ui/dropdown-details";
import { getConfig } from "@/lib/config";
import type { CardMetadata } from "@/lib/hub/card/metadata";
import type { RepoRef } from "@/lib/hub/types";
import { getStrings } from "@/lib/i18n/server";
import { cloneSnippet, hfSnippet, openmindSnippet } from "@/lib/repos/snippets";

import { repoStrings } from "./strings";

/** "Use this model": clone, openMind and huggingface_hub snippets, each with a copy button. */
export async function UseRepoPanel({ repo, metadata }: { repo: RepoRef; metadata: CardMetadata }) {
  const s = await getStrings(repoStrings);
  const publicUrl = getConfig().publicUrl;
  const sections = [
    { title: s.useClone, text: cloneSnippet(publicUrl, repo), hint: s.useCloneHint, id: "clone" },
    {
      title: repo.type === "dataset" ? s.useDatasets : s.useOpenmind,
      text: openmindSnippet(repo, metadata),
      id: "openmind",
    },
    { title: s.useHf, text: hfSnippet(publicUrl, repo), hint: s.useHfHint, id: "hf" },
  ];
  return (
    <DropdownDetails className="group relative" data-testid="use-repo">
      <summary className="bg-brand text-brand-foreground inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md px-3 text-sm font-medium hover:opacity-90 [&::-webkit-details-marker]:hidden">
        {s.use[repo.type]}{" "}
        <span aria-hidden className="transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="bg-card z-20 mt-2 w-full space-y-4 rounded-lg border p-4 shadow-lg sm:absolute sm:right-0 sm:w-[34rem]">
        {sections.map((section) => (
          <section key={section.id} aria-labelledby={`use-${section.id}`} data-snippet={section.id}>
            <h3 id={`use-${section.id}`} className="mb-1.5 text-sm font-medium">
              {section.title}
            </h3>
            <CopyField text={section.text} label={section.title} />
            {section.hint ? (
              <p className="text-muted-foreground mt-1 text-xs">{section.hint}</p>
            ) : null}
          </section>
        ))}
      </div>
    </DropdownDetails>
  );
}
