import type { JobPayload } from "../lib/jobs/protocol";

/**
 * The environment a job's processes get: a few basics from the runner (so tools are found and
 * text is UTF-8), never anything else of the runner's (its token, proxies with credentials,
 * cloud keys…); then the job's own variables and what the runner tells it about itself.
 */
export function baseEnv(
  dirs: { home: string; tmp: string },
  from: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  return {
    PATH: from.PATH || "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    LANG: from.LANG || "C.UTF-8",
    ...(from.TZ ? { TZ: from.TZ } : {}),
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
  };
}

/** Variables describing the job, for both executors. */
export function jobEnv(job: JobPayload): Record<string, string> {
  return {
    ...job.spec.env,
    CI: "true",
    STRATA_JOB_ID: String(job.id),
    STRATA_JOB_ATTEMPT: String(job.attempt),
    STRATA_JOB_TOKEN: job.token,
    STRATA_SERVER_URL: job.serverUrl,
    STRATA_NPU_DEVICES: job.npuDevices.join(","),
  };
}
