// The Strata runner agent: `npm run runner -- register …` once, then `npm run runner -- run`.
// It talks to the server over HTTP only and shares nothing with it but protocol types.
import { RunnerRejected } from "./agent";
import { parseRegisterArgs, parseRunArgs, usage, UsageError, withDefaultLabels } from "./cli-args";
import { ConfigFileError, defaultConfigPath, readRunnerConfig, writeRunnerConfig } from "./config";
import { createAgent, runnerUidBase, runnerWorkRoot } from "./create-agent";
import { resolveJobUser } from "./job-user";
import { HttpError, ProtocolClient } from "./protocol-client";
import { runnerVersion } from "./version";

async function register(argv: string[]): Promise<void> {
  const args = parseRegisterArgs(argv);
  const labels = withDefaultLabels(args);
  const registered = await new ProtocolClient(args.url).register({
    token: args.token,
    name: args.name,
    labels,
    executor: args.executor,
    capacity: args.concurrency,
    npu: { chip: args.npuChip, devices: args.npus },
    version: runnerVersion,
    platform: `${process.platform}/${process.arch}`,
  });
  const file = args.config ?? defaultConfigPath();
  writeRunnerConfig(file, {
    url: args.url,
    id: registered.id,
    name: registered.name,
    token: registered.token,
    labels,
    executor: args.executor,
    builder: args.builder,
    concurrency: args.concurrency,
    npu: { chip: args.npuChip, devices: args.npus },
    ...(args.workDir ? { workDir: args.workDir } : {}),
    ...(args.jobUser ? { shell: { user: args.jobUser } } : {}),
    shutdownGraceSeconds: 30,
    pollSeconds: 30,
  });
  console.log(
    `Registered runner ${registered.name} (#${registered.id}), builder ${args.builder}, with labels ${Object.entries(
      labels,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(",")}.`,
  );
  console.log(
    `Config written to ${file}. Start it with: npm run runner -- run${args.config ? ` --config ${args.config}` : ""}`,
  );
}

async function run(argv: string[]): Promise<void> {
  const args = parseRunArgs(argv);
  const config = readRunnerConfig(args.config ?? defaultConfigPath());
  const say = (message: string) => console.log(`[runner ${config.name}] ${message}`);
  const jobUser =
    config.executor === "shell"
      ? await resolveJobUser({
          setting: config.shell?.user,
          hasNpus: config.npu.devices.length > 0,
          workRoot: runnerWorkRoot(config),
          log: say,
        })
      : null;
  if (jobUser) {
    const base = runnerUidBase(config);
    say(
      `shell jobs run each under a uid of their own, ${base}…${base + config.concurrency - 1}` +
        (jobUser.name === "nobody" ? "" : `, with the group of ${jobUser.name}`),
    );
  } else if (config.executor === "shell") {
    say("shell jobs run as the runner's own account, not isolated from each other or the runner");
  }
  const agent = createAgent(config, {}, jobUser);
  const hurry = new AbortController();
  let shuttingDown: Promise<void> | null = null;
  const shutdown = (graceMs: number) => {
    if (shuttingDown) {
      hurry.abort(); // a second signal: stop the jobs now
      return;
    }
    shuttingDown = agent.shutdown(graceMs, hurry.signal).then(() => process.exit(0));
  };
  process.on("SIGTERM", () => shutdown(config.shutdownGraceSeconds * 1000));
  process.on("SIGINT", () => shutdown(config.shutdownGraceSeconds * 1000));
  if (args.exitWithParent) {
    // Started by the server (embedded runner): when the server dies, stop the jobs and leave.
    // Its output went to the server: once that is gone, writing fails (EPIPE), which must not end
    // the runner before it has stopped its jobs.
    for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) {
        shutdown(0);
        setTimeout(() => process.exit(0), 5_000).unref();
      }
    }, 1_000).unref();
  }
  await agent.start();
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "register") return register(rest);
  if (command === "run") return run(rest);
  console.log(usage);
  process.exitCode = command && command !== "help" && command !== "--help" ? 64 : 0;
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigFileError) {
    console.error(`${error.message}\n\n${usage}`);
    process.exit(64);
  }
  if (error instanceof RunnerRejected || error instanceof HttpError) {
    console.error(error.message);
    process.exit(78);
  }
  console.error(error);
  process.exit(1);
});
