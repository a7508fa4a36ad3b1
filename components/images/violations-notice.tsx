import { getStrings } from "@/lib/i18n/server";
import { findRule, type Violation } from "@/lib/images/stack/rules";

import { imageStrings } from "./strings";

/** The compatibility rules a tag breaks, each with its title and the exact conflict. */
export async function ViolationsNotice({ violations }: { violations: Violation[] }) {
  if (!violations.length) return null;
  const s = await getStrings(imageStrings);
  return (
    <section
      aria-labelledby="violations-heading"
      className="border-warning/40 bg-warning/10 rounded-lg border p-4"
      data-testid="violations"
    >
      <h2 id="violations-heading" className="text-warning font-semibold">
        {s.violations}
      </h2>
      <p className="mt-1 text-sm">{s.violationsLead}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {violations.map((v) => (
          <li key={`${v.rule}:${v.message}`}>
            <span className="font-medium">{findRule(v.rule)?.title ?? v.rule}:</span> {v.message}.
          </li>
        ))}
      </ul>
    </section>
  );
}
