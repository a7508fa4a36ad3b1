import Link from "next/link";

import { getStrings } from "@/lib/i18n/server";
import { loadModelCiMarks } from "@/lib/model-ci/page-view";
import { repoHref } from "@/lib/repos/urls";

import { CiStatusBadge } from "./ci-status-badge";
import { modelCiStrings } from "./strings";

/** "Verified on NPU · PyTorch 2.1.0 · … ✓": the newest ended result per environment. */
export async function CiMarks({ owner, name }: { owner: string; name: string }) {
  const [s, marks] = await Promise.all([getStrings(modelCiStrings), loadModelCiMarks(owner, name)]);
  if (!marks.length) return null;
  const href = `${repoHref({ type: "model", owner, name })}/ci`;
  return (
    <ul className="mt-2 flex flex-wrap gap-2" aria-label={s.ciResults} data-testid="ci-marks">
      {marks.map((mark) => (
        <li key={mark.image}>
          <Link href={href} className="hover:underline">
            <CiStatusBadge
              status={mark.status}
              label={`${
                mark.status === "success"
                  ? s.verifiedOn(mark.environment)
                  : s.failedOn(mark.environment)
              } ${mark.status === "success" ? "✓" : "✗"}`}
            />
          </Link>
        </li>
      ))}
    </ul>
  );
}
