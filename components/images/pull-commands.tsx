import { CopyField } from "@/components/ui/copy-button";
import { getStrings } from "@/lib/i18n/server";
import type { ImageTagDetail } from "@/lib/images/catalog/tag-detail";

import { imageStrings } from "./strings";

/** A pull command for every registry that carries the tag, and a `docker run` line. */
export async function PullCommands({ detail }: { detail: ImageTagDetail }) {
  const s = await getStrings(imageStrings);
  return (
    <div className="space-y-6">
      <section aria-labelledby="pull-heading" className="space-y-3">
        <div>
          <h2 id="pull-heading" className="text-lg font-semibold">
            {s.pull}
          </h2>
          <p className="text-muted-foreground text-sm">
            {detail.pull.length ? s.pullLead : s.noPull}
            {detail.pull.length && !detail.availableLocally ? ` ${s.notOnHub}` : ""}
          </p>
        </div>
        {detail.pull.map((pull) => (
          <div
            key={pull.registry}
            className="space-y-1"
            data-testid="pull-command"
            data-registry={pull.registry}
          >
            <p className="text-sm font-medium">{pull.label}</p>
            <CopyField text={pull.command} label={`docker pull (${pull.label})`} />
          </div>
        ))}
      </section>
      {detail.run ? (
        <section aria-labelledby="run-heading" className="space-y-3">
          <div>
            <h2 id="run-heading" className="text-lg font-semibold">
              {s.run}
            </h2>
            <p className="text-muted-foreground text-sm">
              {detail.hardware === "npu"
                ? s.runNpu(detail.cann ?? "")
                : detail.hardware === "cpu"
                  ? s.runCpu
                  : s.runUnknown}
            </p>
          </div>
          <div data-testid="docker-run">
            <CopyField text={detail.run} label="docker run" />
          </div>
        </section>
      ) : null}
    </div>
  );
}
