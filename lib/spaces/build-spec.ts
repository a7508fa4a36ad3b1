// What a Space build job does: fetch the Space's repository at one commit with the job's token,
// add the generated Dockerfile (gradio), build the image and push it to this hub's registry.
import { fetchCommitLines } from "@/lib/jobs/fetch-script";
import type { JobSpec } from "@/lib/jobs/protocol";

export const appDir = "/home/user/app";

/**
 * The Dockerfile of a gradio Space: its base environment, then its requirements (no `RUN` at all
 * when there are none, so a base without pip still builds), then the repository owned by a
 * non-root user (uid 1000, which needs no `useradd`), listening on `port`.
 */
export function gradioDockerfile(input: {
  baseImage: string;
  appFile: string;
  port: number;
  hasRequirements: boolean;
  variables: Record<string, string>;
}): string {
  const lines = [`FROM ${input.baseImage}`];
  for (const name of Object.keys(input.variables).sort()) lines.push(`ARG ${name}`);
  if (input.hasRequirements) {
    lines.push(
      "COPY --chown=1000:1000 requirements.txt /tmp/requirements.txt",
      "RUN python -m pip install --no-cache-dir -r /tmp/requirements.txt",
    );
  }
  lines.push(
    `WORKDIR ${appDir}`,
    `COPY --chown=1000:1000 . ${appDir}`,
    "USER 1000",
    "ENV GRADIO_SERVER_NAME=0.0.0.0 \\",
    `    GRADIO_SERVER_PORT=${input.port} \\`,
    "    SYSTEM=spaces",
    ...Object.keys(input.variables)
      .sort()
      .map((name) => `ENV ${name}=$${name}`),
    `EXPOSE ${input.port}`,
    `CMD ["python", ${JSON.stringify(input.appFile)}]`,
  );
  return `${lines.join("\n")}\n`;
}

/**
 * The job spec of one build. The fetch step clones with `STRATA_JOB_TOKEN`, which is valid only for
 * this Space's repository and only while the job runs; it never appears in the log (git gets it
 * through a credential helper reading the environment, not in a URL).
 */
export function spaceBuildSpec(input: {
  cloneUrl: string;
  commit: string;
  /** The generated Dockerfile (gradio); null: the repository's own Dockerfile (docker). */
  dockerfile: string | null;
  imageTag: string;
  /** The Space's variables, passed as `--build-arg`s. */
  buildArgs: Record<string, string>;
  /** A factory rebuild: no cached layer (buildah never caches layers; docker is told so). */
  noCache?: boolean;
}): JobSpec {
  const fetch = [
    ...fetchCommitLines({ cloneUrl: input.cloneUrl, commit: input.commit, dir: "src" }),
    // The image gets the files, not the repository.
    "rm -rf .git",
    ...(input.dockerfile === null
      ? []
      : [`cat > .strata.Dockerfile <<'STRATA_DOCKERFILE'\n${input.dockerfile}STRATA_DOCKERFILE`]),
  ].join("\n");
  return {
    steps: [
      { type: "script", name: `Fetch the Space at ${input.commit.slice(0, 7)}`, script: fetch },
      {
        type: "build",
        name: "Build and push the image",
        context: "src",
        dockerfile: input.dockerfile === null ? "src/Dockerfile" : "src/.strata.Dockerfile",
        tag: input.imageTag,
        push: true,
        ...(Object.keys(input.buildArgs).length ? { buildArgs: input.buildArgs } : {}),
        ...(input.noCache ? { noCache: true } : {}),
      },
    ],
  };
}
