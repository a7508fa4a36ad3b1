import { formatLabels, missingLabels } from "./labels";
import type { Labels } from "./protocol";

/** What the queue explanation needs to know about each runner. */
export type RunnerCapacity = {
  name: string;
  online: boolean;
  labels: Labels;
  capacity: number;
  running: number;
  npuTotal: number;
  npuFree: number;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Why a queued job is still waiting, in words an admin can act on: which label no online runner
 * has, whether matching runners are busy, or short of NPUs.
 */
export function explainWait(
  job: { requiredLabels: Labels; npuCount: number },
  runners: RunnerCapacity[],
): string {
  const online = runners.filter((r) => r.online);
  const matching = online.filter((r) => missingLabels(job.requiredLabels, r.labels).length === 0);
  if (matching.length === 0) {
    if (online.length === 0) {
      return runners.length === 0 ? "No runner is registered." : "No runner is online.";
    }
    const nobodyHas = Object.entries(job.requiredLabels)
      .filter(([key, value]) => online.every((r) => r.labels[key] !== value))
      .map(([key, value]) => `${key}=${value}`);
    const offlineMatch = runners.find(
      (r) => !r.online && missingLabels(job.requiredLabels, r.labels).length === 0,
    );
    const suffix = offlineMatch ? ` (runner ${offlineMatch.name} matches but is offline)` : "";
    if (nobodyHas.length) return `No online runner has ${nobodyHas.join(", ")}${suffix}.`;
    return `No online runner has all of ${formatLabels(job.requiredLabels)}${suffix}.`;
  }
  if (job.npuCount > 0) {
    const mostTotal = Math.max(...matching.map((r) => r.npuTotal));
    if (mostTotal < job.npuCount) {
      return `Needs ${plural(job.npuCount, "NPU")}; the largest matching runner has ${mostTotal}.`;
    }
  }
  const withRoom = matching.filter((r) => r.running < r.capacity);
  if (withRoom.length === 0) return "All matching runners are busy.";
  if (job.npuCount > 0) {
    const mostFree = Math.max(...withRoom.map((r) => r.npuFree));
    if (mostFree < job.npuCount) {
      return `Needs ${plural(job.npuCount, "NPU")}; the most free on a matching runner is ${mostFree}.`;
    }
  }
  return "Waiting for a matching runner to pick it up.";
}
