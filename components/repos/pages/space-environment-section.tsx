import { pageCaller } from "@/lib/auth/page-caller";
import { spaceHardwareIds, type SpaceHardware } from "@/lib/hub/repos/space-templates";
import { listSpaceBaseImages } from "@/lib/repos/space-base-images";
import { readSpaceSettings } from "@/lib/repos/space-card";
import type { RepoView } from "@/lib/repos/view/repo-view";

import { SpaceEnvironmentForm } from "../settings/space-environment-form";

const isHardware = (value: string | null): value is SpaceHardware =>
  (spaceHardwareIds as readonly string[]).includes(value ?? "");

/** The Space part of Settings, with what its card says now and the environments it may pick. */
export async function SpaceEnvironmentSection({ view, head }: { view: RepoView; head: string }) {
  const repo = { type: view.type, owner: view.owner, name: view.name };
  const [settings, baseImages] = await Promise.all([
    readSpaceSettings(repo, head),
    pageCaller().then(listSpaceBaseImages),
  ]);
  if (settings.sdk === "static") return null;
  return (
    <SpaceEnvironmentForm
      space={{ owner: view.owner, name: view.name }}
      hardware={isHardware(settings.hardware) ? settings.hardware : "cpu-basic"}
      baseImage={settings.baseImage}
      baseImages={baseImages}
      needsBaseImage={settings.sdk === "gradio"}
    />
  );
}
