import { SettingsSection } from "@/components/ui/settings-parts";
import { pageCaller } from "@/lib/auth/page-caller";
import { getStrings } from "@/lib/i18n/server";
import { loadSpaceRuntime } from "@/lib/spaces/runtime";
import { defaultSleepSeconds } from "@/lib/spaces/sleep";

import { SpaceSleepForm } from "../settings/space-sleep-form";
import { spaceAppStrings } from "../space-strings";

/** How long the Space's app may sit without visitors before it sleeps, for its writers. */
export async function SpaceSleepSection({ space }: { space: { owner: string; name: string } }) {
  const s = await getStrings(spaceAppStrings);
  const runtime = await loadSpaceRuntime(await pageCaller(), { type: "space", ...space });
  const npu = runtime.hardware.requested === "npu-basic";
  return (
    <SettingsSection id="space-sleep" title={s.sleepTitle}>
      <p className="text-muted-foreground mb-4 text-sm">{s.sleepHint}</p>
      <SpaceSleepForm
        space={space}
        chosen={runtime.run.sleepSeconds}
        defaultHours={defaultSleepSeconds(npu ? 1 : 0) / 3600}
      />
    </SettingsSection>
  );
}
