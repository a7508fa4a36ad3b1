import "server-only";

import { pageCaller } from "@/lib/auth/page-caller";
import { getPathInfo } from "@/lib/hub";
import { getRepo } from "@/lib/repos/access";

import { listCiEnvironments, type CiEnvironment } from "./environments";
import { latestPerEnvironment, listModelCi, type ModelCiRecord } from "./results";

export type ModelCiView = {
  records: ModelCiRecord[];
  environments: CiEnvironment[];
  /** Whether the head commit has `examples/inference.py` (null: the model has no commit). */
  headHasScript: boolean | null;
  canWrite: boolean;
};

/** What the CI tab shows the visitor (404 for those who may not read the model). */
export async function loadModelCiView(owner: string, name: string): Promise<ModelCiView> {
  const caller = await pageCaller();
  const { ref, allowed } = await getRepo(caller, { type: "model", owner, name });
  const { model_ci } = await listModelCi(caller, { owner, name });
  let headHasScript: boolean | null = null;
  try {
    const { entry } = await getPathInfo(ref, { rev: "HEAD", path: "examples/inference.py" });
    headHasScript = entry?.type === "file";
  } catch {
    // No commit yet: nothing to run.
  }
  return {
    records: model_ci,
    environments: allowed.has("write") ? await listCiEnvironments(caller) : [],
    headHasScript,
    canWrite: allowed.has("write"),
  };
}

/** The newest ended result per environment, for the model header's "Verified on …" marks. */
export async function loadModelCiMarks(owner: string, name: string): Promise<ModelCiRecord[]> {
  const { model_ci } = await listModelCi(await pageCaller(), { owner, name });
  return latestPerEnvironment(
    model_ci.filter((r) => r.status === "success" || r.status === "failed"),
  );
}

/** The newest result per environment, open or ended, for the model page's sidebar. */
export async function loadModelCiLatest(owner: string, name: string): Promise<ModelCiRecord[]> {
  const { model_ci } = await listModelCi(await pageCaller(), { owner, name });
  return latestPerEnvironment(model_ci);
}
