import "server-only";

import { pageCaller } from "@/lib/auth/page-caller";
import { getRepo } from "@/lib/repos/access";
import { loadDownloadHistory } from "@/lib/repos/engagement";
import { loadWeightsFacts, type WeightsFacts } from "@/lib/repos/files/safetensors-info";

import type { RepoView } from "./repo-view";

export type ModelFacts = {
  /** Downloads per day, the last 30 days, oldest first. */
  downloads: { day: string; count: number }[];
  weights: WeightsFacts | null;
};

/** What a model page's sidebar shows, for a visitor who may read the model (404 otherwise). */
export async function loadModelFacts(view: RepoView): Promise<ModelFacts> {
  const { repo, ref } = await getRepo(await pageCaller(), {
    type: view.type,
    owner: view.owner,
    name: view.name,
  });
  const [downloads, weights] = await Promise.all([
    loadDownloadHistory(repo.id),
    view.head ? loadWeightsFacts(ref, view.head) : null,
  ]);
  return { downloads, weights };
}
