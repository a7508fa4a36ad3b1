// What a Space run job does: serve the Space's app until it is stopped. On a docker runner it runs
// the built image; on a shell runner the repository checked out at the built commit.
import type { JobSpec } from "@/lib/jobs/protocol";

import { fetchCommitLines, shellQuote as quote } from "@/lib/jobs/fetch-script";
import { appDir } from "./build-spec";

export type SpaceRunInput = {
  /** The Space's repository id: its Python environment on a shell runner is kept under it. */
  repoId: number;
  owner: string;
  name: string;
  commit: string;
  appFile: string;
  port: number;
  /** The image to run (docker runner); null: run from a checkout (shell runner). */
  image: string | null;
  /** A docker Space: its image starts the app with its own command. */
  sdk: "gradio" | "docker";
  cloneUrl: string;
  /** The Space's variables (public); its secrets are added when a runner claims the job. */
  variables: Record<string, string>;
  /** Its hardware's share of the runner (a container's caps on a docker runner). */
  limits: { memoryMb: number; cpus: number };
};

/** What a Space's hardware gets: the Hub's "CPU basic" (2 vCPU, 16 GB), or one NPU's share of a host. */
export const spaceHardwareLimits = {
  cpu: { memoryMb: 16 * 1024, cpus: 2 },
  npu: { memoryMb: 32 * 1024, cpus: 8 },
} as const;

// A gradio app writes only its temp files and caches: with those on /tmp and /workspace (the job's
// dir), its image's root filesystem can be read-only. A docker Space's image may write anywhere.
const writableDirs = {
  GRADIO_TEMP_DIR: "/tmp/gradio",
  MPLCONFIGDIR: "/tmp/matplotlib",
  XDG_CACHE_HOME: "/workspace/.cache",
  HF_HOME: "/workspace/.cache/huggingface",
};

/** The proxy prefix the app is served under, which Gradio needs to build its links. */
export const spaceAppPath = (ref: { owner: string; name: string }) =>
  `/spaces/${ref.owner}/${ref.name}/app`;

/** The environment the Hub gives a Space's app (`PORT` comes from the runner). */
function spaceEnv(input: SpaceRunInput): Record<string, string> {
  return {
    ...input.variables,
    SYSTEM: "spaces",
    SPACE_ID: `${input.owner}/${input.name}`,
    SPACE_AUTHOR_NAME: input.owner,
    SPACE_REPO_NAME: input.name,
    GRADIO_SERVER_NAME: "0.0.0.0",
    GRADIO_ROOT_PATH: spaceAppPath(input),
  };
}

// The app listens where the runner says: its own port in a container, a free host port on a shell runner.
const listen = 'export GRADIO_SERVER_PORT="$PORT"';

export function spaceRunSpec(input: SpaceRunInput): JobSpec {
  const serve = { type: "service" as const, name: "Run the app", port: input.port };
  if (input.image) {
    if (input.sdk === "docker") {
      return {
        env: spaceEnv(input),
        steps: [
          {
            ...serve,
            image: input.image,
            imageCommand: true,
            script: "# the image's command",
            container: input.limits,
          },
        ],
      };
    }
    return {
      env: { ...writableDirs, ...spaceEnv(input) },
      steps: [
        {
          ...serve,
          image: input.image,
          script: [listen, `cd ${appDir}`, `exec python ${quote(input.appFile)}`].join("\n"),
          container: { ...input.limits, readOnly: true },
        },
      ],
    };
  }
  return {
    env: spaceEnv(input),
    steps: [
      {
        type: "script",
        name: `Fetch the Space at ${input.commit.slice(0, 7)}`,
        script: fetchCommitLines({
          cloneUrl: input.cloneUrl,
          commit: input.commit,
          dir: "src",
        }).join("\n"),
      },
      // A virtualenv of the Space's own, kept by the runner while its requirements stay the same.
      {
        type: "python-env",
        name: "Prepare the Python environment",
        key: `space-${input.repoId}`,
        requirements: "src/requirements.txt",
      },
      {
        ...serve,
        script: [
          listen,
          'if [ -x .venv/bin/python ]; then export VIRTUAL_ENV="$PWD/.venv" PATH="$PWD/.venv/bin:$PATH"; fi',
          "cd src",
          `exec python3 ${quote(input.appFile)}`,
        ].join("\n"),
      },
    ],
  };
}
