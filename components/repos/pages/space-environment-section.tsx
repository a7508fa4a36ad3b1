import { pageCaller } from "@/lib/auth/page-caller";
import { spaceHardwareIds, type SpaceHardware } from "@/lib/hub/repos/space-templates";
import { listSpaceBaseImages } from "@/lib/repos/space-base-images";
import { readSpaceSettings } from "@/lib/repos/space-card";
import type { RepoView } from "@/lib/repos/view/repo-view";

import { SpaceEnvironmentForm } from "../settings/space-environment-form";
import { SpaceSleepSection } from "./space-sleep-section";
import { SpaceVariablesSection } from "./space-variables-section";

const isHardware = (value: string | null): value is SpaceHardware =>
  (spaceHardwareIds as readonly string[]).includes(value ?? "");

/**
 * The Space part of Settings: what its card says now and the environments it may pick, and its
 * variables and secrets.
 */
export async function SpaceEnvironmentSection({ view, head }: { view: RepoView; head: string }) {
  const repo = { type: view.type, owner: view.owner, name: view.name };
  const [settings, baseImages] = await Promise.all([
    readSpaceSettings(repo, head),
    pageCaller().then(listSpaceBaseImages),
  ]);
  // A static Space is served as files: it has no hardware, no build and no environment.
  if (settings.sdk === "static") return null;
  const space = { owner: view.owner, name: view.name };
  return (
    <>
      <SpaceEnvironmentForm
        space={space}
        hardware={isHardware(settings.hardware) ? settings.hardware : "cpu-basic"}
        baseImage={settings.baseImage}
        baseImages={baseImages}
        needsBaseImage={settings.sdk === "gradio"}
      />
      <SpaceSleepSection space={space} />
      <SpaceVariablesSection space={space} />
    </>
  );
}
