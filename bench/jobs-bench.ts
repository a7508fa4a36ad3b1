// Dispatch latency and claim throughput of the job queue, with real runner agents over HTTP.
//   npx tsx --conditions=react-server bench/jobs-bench.ts [--runners 10] [--jobs 50] [--burst-runners 20]
//     [--burst-jobs 1000] [--round-jobs 200] [--clients-procs 1] [--phases latency,claims,direct,rounds]
// Server (the real route handlers behind a small HTTP server) and agents share one process here,
// except the claim clients of phase 2, which run in child processes; each agent uses a no-op
// command runner, so a "job" is the full protocol round without user code.
//   … --phases claims --url http://127.0.0.1:3263 --data-dir DIR [--server-pid PID]
// runs the claim phase against a running production server (`next start` on DIR, embedded runner
// off) instead; the backlog and the runners' registration token go straight into DIR's database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { fork } from "node:child_process";
import type { ClaimClientsResult } from "./claim-clients";

const { values } = parseArgs({
  options: {
    runners: { type: "string", default: "10" },
    jobs: { type: "string", default: "50" },
    "burst-runners": { type: "string", default: "20" },
    "burst-jobs": { type: "string", default: "1000" },
    "round-jobs": { type: "string", default: "200" },
    phases: { type: "string", default: "latency,claims,direct,rounds" },
    url: { type: "string" },
    "data-dir": { type: "string" },
    "server-pid": { type: "string" },
    "clients-procs": { type: "string", default: "1" },
  },
});
const phases = new Set(values.phases.split(","));
const external = values.url !== undefined;
if (external && (values.phases !== "claims" || !values["data-dir"])) {
  console.error("With --url, run --phases claims and give the server's --data-dir.");
  process.exit(64);
}

const dataDir = values["data-dir"]
  ? path.resolve(values["data-dir"])
  : fs.mkdtempSync(path.join(os.tmpdir(), "strata-bench-"));
process.env.STRATA_DATA_DIR = dataDir;
process.env.STRATA_EMBEDDED_RUNNER = "0";

const { migrateDatabase, closeDatabase } = await import("@/db/client");
const { listJobRecords } = await import("@/db/queries/jobs");
const { createRegistrationToken } = await import("@/lib/jobs/registration-tokens");
const { enqueueJob } = await import("@/lib/jobs/enqueue");
const { startRouteServer } = await import("@/test/jobs/route-server");
const { ProtocolClient } = await import("@/runner/protocol-client");
const { createAgent } = await import("@/runner/create-agent");
const { authenticateRunner } = await import("@/lib/jobs/runner-registry");
const { tryClaimJob } = await import("@/lib/jobs/request-job");
const { finishJob } = await import("@/lib/jobs/job-runs");
const { findJobByTokenHash } = await import("@/db/queries/job-runs");
const { hashSecret } = await import("@/lib/jobs/secrets");

migrateDatabase();
const server = external
  ? { url: values.url!, close: () => Promise.resolve() }
  : await startRouteServer();
const started = new Map<number, number[]>(); // job id → start times (more than one = double claim)

const labelsOf = (pool: string) => ({ hardware: "cpu", executor: "shell", pool });
const npu = { chip: null, devices: [] };

async function register(count: number, pool: string) {
  const reg = await createRegistrationToken({ createdBy: null, maxUses: null });
  const runners = [];
  for (let i = 0; i < count; i++) {
    runners.push(
      await new ProtocolClient(server.url).register({
        token: reg.token,
        name: `${pool}-${i}`,
        labels: labelsOf(pool),
        executor: "shell",
        capacity: 1,
        npu,
        version: "bench",
      }),
    );
  }
  return runners;
}

async function startAgents(count: number, pool: string, settle = true) {
  const agents = (await register(count, pool)).map((r) =>
    createAgent(
      {
        url: server.url,
        id: r.id,
        name: r.name,
        token: r.token,
        labels: labelsOf(pool),
        executor: "shell",
        concurrency: 1,
        npu,
        shutdownGraceSeconds: 1,
        pollSeconds: 25,
        workDir: dataDir,
      },
      {
        run: () => Promise.resolve({ exitCode: 0, signal: null }),
        log: (message) => {
          const match = /^job (\d+): started/.exec(message);
          if (match)
            started.set(Number(match[1]), [
              ...(started.get(Number(match[1])) ?? []),
              performance.now(),
            ]);
        },
      },
    ),
  );
  for (const agent of agents) void agent.start();
  if (settle) await new Promise((r) => setTimeout(r, 1_000)); // all polls waiting
  return agents;
}

const enqueue = (pool: string) =>
  enqueueJob({
    kind: "diagnostic",
    spec: { steps: [{ type: "script", script: "true" }] },
    labels: { hardware: "cpu", pool },
    resource: { type: "system" },
    createdBy: null,
  });

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * CPU time the server process used, from /proc (all its threads: GC, libuv pool, Next's workers):
 * unlike wall time it does not grow when other work on a shared host takes the cores. In-process,
 * the server is this process, and the claim clients run in child processes of their own.
 */
function serverCpuMs(): number {
  if (external && !values["server-pid"]) return NaN;
  const stat = fs.readFileSync(`/proc/${external ? values["server-pid"] : "self"}/stat`, "utf8");
  const [utime, stime] = stat
    .slice(stat.lastIndexOf(")") + 2)
    .split(" ")
    .slice(11, 13)
    .map(Number) as [number, number];
  return ((utime + stime) * 1000) / 100; // USER_HZ is 100 on Linux
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

console.log(`load average before: ${loadAverage()} on ${os.availableParallelism()} cores`);

// 1. Dispatch latency: idle runners waiting in long polls; one job at a time.
if (phases.has("latency")) {
  const idle = await startAgents(Number(values.runners), "latency");
  const latencies: number[] = [];
  for (let i = 0; i < Number(values.jobs); i++) {
    const t0 = performance.now();
    const { id } = await enqueue("latency");
    while (!started.has(id)) await new Promise((r) => setImmediate(r));
    latencies.push(started.get(id)![0]! - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `dispatch latency (enqueue → runner starts), ${values.runners} idle runners, ${values.jobs} jobs: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
  );
  await Promise.all(idle.map((a) => a.shutdown(1_000)));
}

// 2. Claim throughput over HTTP: runners against a backlog, each looping request → finish, then
// (side by side, fresh backlog) taking every next job from the finish answer as the agent does. The
// clients run in `--clients-procs` child processes, so the server's CPU figure is the server's alone.
function startClients(input: { tokens: string[]; nextInFinish: boolean }) {
  const child = fork(path.resolve("bench/claim-clients.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`a claim client process exited (${code})`))),
  );
  const next = () =>
    Promise.race([new Promise<unknown>((resolve) => child.once("message", resolve)), exited]);
  return {
    loaded: next().then(() => child.send({ url: server.url, ...input })),
    go: () => {
      const result = next() as Promise<ClaimClientsResult>;
      child.send("go");
      return result;
    },
  };
}

async function claimBurst(nextInFinish: boolean) {
  const claimed = new Map<number, number>(); // job id → times claimed
  const backlog: number[] = [];
  for (let i = 0; i < Number(values["burst-jobs"]); i++) backlog.push((await enqueue("claim")).id);
  const tokens = (await register(Number(values["burst-runners"]), "claim")).map((r) => r.token);
  const procs = Math.max(1, Math.min(Number(values["clients-procs"]), tokens.length));
  const clients = Array.from({ length: procs }, (_, i) =>
    startClients({ tokens: tokens.filter((_, t) => t % procs === i), nextInFinish }),
  );
  await Promise.all(clients.map((c) => c.loaded));
  const load = loadAverage();
  const cpuBefore = serverCpuMs();
  const t0 = performance.now();
  const results = await Promise.all(clients.map((c) => c.go()));
  const seconds = (performance.now() - t0) / 1000;
  const serverMs = serverCpuMs() - cpuBefore;
  const clientMs = results.reduce((sum, r) => sum + r.cpuMs, 0);
  for (const id of results.flatMap((r) => r.claimed)) claimed.set(id, (claimed.get(id) ?? 0) + 1);
  const doubles = [...claimed.values()].filter((n) => n > 1).length;
  const mode = nextInFinish ? "next job in the finish answer" : "request → finish";
  console.log(
    `claim throughput over HTTP (${mode}), ${tokens.length} runners in ${procs} client process(es), ${backlog.length} queued jobs, load ${load}: ${(backlog.length / seconds).toFixed(0)} claims/s (claim + finish each, ${seconds.toFixed(2)} s); claimed ${claimed.size}/${backlog.length}; double claims: ${doubles}`,
  );
  console.log(
    `  server process CPU: ${(serverMs / backlog.length).toFixed(2)} ms per claim + finish → ${((backlog.length * 1000) / serverMs).toFixed(0)} claims/s per core; clients: ${(clientMs / backlog.length).toFixed(2)} ms per claim`,
  );
}
if (phases.has("claims")) {
  await claimBurst(false);
  await claimBurst(true);
}

// 3. The same without HTTP: the server-side cost of a claim and a finish (database + library).
if (phases.has("direct")) {
  const direct: number[] = [];
  for (let i = 0; i < Number(values["burst-jobs"]); i++) direct.push((await enqueue("direct")).id);
  const [directRunner] = await register(1, "direct");
  const identity = await authenticateRunner(
    new Request(server.url, { headers: { "Runner-Token": directRunner!.token } }),
  );
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (;;) {
    const job = await tryClaimJob(identity, []);
    if (!job) break;
    await finishJob((await findJobByTokenHash(hashSecret(job.token)))!, {
      attempt: job.attempt,
      outcome: "succeeded",
      exitCode: 0,
    });
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / direct.length;
  console.log(
    `claim + finish without HTTP, one caller, load ${loadAverage()}: ${(direct.length / seconds).toFixed(0)} jobs/s (${direct.length} jobs, ${seconds.toFixed(2)} s); CPU ${cpuMs.toFixed(3)} ms per claim + finish → ${(1000 / cpuMs).toFixed(0)} per core`,
  );
}

// 4. Full rounds with real agents (temp dirs, log upload, finish), for comparison.
if (phases.has("rounds")) {
  const rounds: number[] = [];
  for (let i = 0; i < Number(values["round-jobs"]); i++) rounds.push((await enqueue("round")).id);
  const t0 = performance.now();
  const burst = await startAgents(Number(values["burst-runners"]), "round", false);
  while (!rounds.every((id) => started.has(id))) await new Promise((r) => setTimeout(r, 5));
  const seconds = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 1_000));
  const records = (await listJobRecords({ limit: 10_000 })).filter((j) => rounds.includes(j.id));
  console.log(
    `full job rounds, ${burst.length} agents in this process: ${(rounds.length / seconds).toFixed(0)} jobs/s (${rounds.length} jobs, ${seconds.toFixed(2)} s); started twice: ${rounds.filter((id) => started.get(id)!.length > 1).length}; attempts ≠ 1: ${records.filter((j) => j.attempt !== 1).length}`,
  );
  await Promise.all(burst.map((a) => a.shutdown(1_000)));
}

await server.close();
closeDatabase();
if (!external) fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
