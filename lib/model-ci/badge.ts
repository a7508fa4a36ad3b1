import "server-only";

import { listModelCiRows } from "@/db/queries/model-ci";
import type { Caller } from "@/lib/auth/caller";
import type { RepoRef } from "@/lib/hub";
import { getRepo } from "@/lib/repos/access";

const colours = { passing: "#2e7d32", failing: "#c62828", running: "#1565c0", none: "#9e9e9e" };
type BadgeState = keyof typeof colours;

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A flat badge, "model ci | passing", sized by a rough character width (no font metrics). */
function badgeSvg(label: string, state: BadgeState): string {
  const width = (text: string) => 10 + text.length * 6.5;
  const left = width(label);
  const right = width(state);
  const total = left + right;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" role="img" aria-label="${escapeXml(`${label}: ${state}`)}">
<title>${escapeXml(`${label}: ${state}`)}</title>
<rect width="${left}" height="20" fill="#555"/>
<rect x="${left}" width="${right}" height="20" fill="${colours[state]}"/>
<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">
<text x="${left / 2}" y="14">${escapeXml(label)}</text>
<text x="${left + right / 2}" y="14">${state}</text>
</g>
</svg>
`;
}

/**
 * The model's CI badge: passing when the newest ended result of every environment (or of the one
 * asked for) passed, failing when one failed, running while the only results are open.
 */
export async function modelCiBadge(
  caller: Caller | null,
  address: Omit<RepoRef, "type">,
  environment: string | null,
): Promise<{ svg: string; isPrivate: boolean }> {
  const { repo } = await getRepo(caller, { ...address, type: "model" });
  const rows = (await listModelCiRows(repo.id)).filter(
    (row) => !environment || row.image === environment,
  );
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (row.finishedAt && !latest.has(row.image)) latest.set(row.image, row);
  const ended = [...latest.values()].filter((row) => row.status !== "stopped");
  const state: BadgeState = ended.length
    ? ended.every((row) => row.status === "success")
      ? "passing"
      : "failing"
    : rows.some((row) => !row.finishedAt)
      ? "running"
      : "none";
  const label = environment ? `ci ${environment.split(":").pop()}` : "model ci";
  return { svg: badgeSvg(label, state), isPrivate: repo.isPrivate };
}
