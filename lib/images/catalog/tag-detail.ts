import "server-only";

import { findImageTagPush, type ImageTagPush } from "@/db/queries/image-pushes";
import { findImageRepositoryRow, findImageTagRow } from "@/db/queries/images";
import type { Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";

import { dockerfileFor } from "../stack/dockerfile";
import type { ParentImage } from "../stack/layer-images";
import { explainExclusion } from "../stack/matrix";
import {
  dockerRunCommand,
  pullCommands,
  registryHost,
  type PullCommand,
} from "../stack/pull-commands";
import type { Violation } from "../stack/rules";
import { parentChain, stackLayers, type StackLayer } from "../stack/stack";
import { formatTag, type ImageVariables } from "../stack/tags";
import { canReadImageRepository } from "./access";
import {
  getReadableRepository,
  toTagSummary,
  type ImageRepositorySummary,
  type ImageTagSummary,
} from "./catalog";
import { tagVariables } from "./catalog-write";

export type ImageTagDetail = ImageTagSummary & {
  repository: Omit<ImageRepositorySummary, "tagCount" | "matchingTagCount" | "hubPull">;
  /** Exactly what the tag says (null outside the grammar); the summary's columns fill in implied values. */
  variables: ImageVariables | null;
  /** Layers bottom-up: OS, Python, CANN, frameworks, openMind. */
  stack: StackLayer[];
  /** The direct parent first, down to the Python base. */
  parents: ParentImage[];
  /** Rules of the stack spec this combination breaks (empty for an image the spec builds). */
  violations: Violation[];
  dockerfile: string | null;
  /** Why there is no Dockerfile, when there is none. */
  dockerfileReason: string | null;
  pull: PullCommand[];
  /** An interactive `docker run` of the first pull reference (with the Ascend flags for NPU images). */
  run: string | null;
  /** What this hub's registry holds for the tag (digest, creation time, labels); null when nothing. */
  push: ImageTagPush | null;
};

/** One tag with its stack, parent chain, Dockerfile and pull commands; 404 when the caller may not see it. */
export async function getImageTag(
  caller: Caller | null,
  namespace: string,
  name: string,
  tag: string,
): Promise<ImageTagDetail> {
  const repo = await getReadableRepository(caller, namespace, name);
  const row = await findImageTagRow(repo.id, tag);
  if (!row) throw new AppError("not_found", `Tag ${tag} of ${namespace}/${name} not found.`);

  const summary = toTagSummary(row);
  const variables = tagVariables(name, tag);
  const chain = variables ? parentChain(variables) : [];
  const hubHost = registryHost(getConfig().publicUrl);
  const parents: ParentImage[] = [];
  for (const p of chain) {
    const parentTag = formatTag(p);
    // The stack lives in one namespace: a parent is looked up next to its child. A parent the
    // caller may not see counts as absent, so a public image never reveals a private one.
    const parentRepo = await findImageRepositoryRow(namespace, p.image);
    const visible = parentRepo !== null && (await canReadImageRepository(caller, parentRepo));
    const parentRow = visible ? await findImageTagRow(parentRepo.id, parentTag) : null;
    const parentPull = parentRow
      ? pullCommands({
          hubHost,
          namespace,
          name: p.image,
          tag: parentTag,
          sources: parentRow.sources,
          availableLocally: parentRow.availableLocally,
        })
      : [];
    parents.push({
      repository: `${namespace}/${p.image}`,
      tag: parentTag,
      repositoryInCatalog: visible,
      inCatalog: parentRow !== null,
      pull: parentPull[0] ?? null,
    });
  }

  // FROM names the parent where it can be pulled (this hub only when it holds it).
  const { dockerfile, reason } = dockerfileFor(variables, {
    imagePrefix: `${hubHost}/${namespace}`,
    parentReference: parents[0]?.pull?.reference,
  });
  const pull = pullCommands({
    hubHost,
    namespace,
    name,
    tag,
    sources: row.sources,
    availableLocally: row.availableLocally,
  });
  return {
    ...summary,
    repository: {
      namespace: repo.namespace,
      name: repo.name,
      fullName: `${repo.namespace}/${repo.name}`,
      category: repo.category,
      description: repo.description,
      visibility: repo.visibility,
    },
    variables,
    stack: variables ? stackLayers(variables) : [],
    parents,
    violations: variables ? explainExclusion(variables) : [],
    dockerfile,
    dockerfileReason: reason,
    pull,
    run: pull[0]
      ? dockerRunCommand({ reference: pull[0].reference, hardware: row.hardware })
      : null,
    push: row.availableLocally ? await findImageTagPush(row.id) : null,
  };
}
