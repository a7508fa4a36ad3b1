// Client-safe: the building blocks of the generated Dockerfiles — instructions, and the OS packages
// each layer needs per package manager.
import type { OsRelease } from "./spec";

type Pm = OsRelease["packageManager"];

/** `RUN a && b && c`, one command per line. */
export function run(commands: string[]): string {
  return `RUN ${commands.join(" \\\n    && ")}`;
}

/** An instruction with the comment that explains it. */
export function note(comment: string, instruction: string): string {
  return `# ${comment}\n${instruction}`;
}

export function install(pm: Pm, packages: string[]): string {
  const list = packages.map((p) => `\\\n        ${p}`).join(" ");
  return pm === "apt"
    ? run([
        `apt-get update`,
        `DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends -y ${list}`,
        `rm -rf /var/lib/apt/lists/*`,
      ])
    : run([`yum install -y ${list}`, `yum clean all`, `rm -rf /var/cache/yum`]);
}

export const osPackages = {
  pythonBuild: {
    apt: [
      "build-essential",
      "ca-certificates",
      "curl",
      "libbz2-dev",
      "libffi-dev",
      "libgdbm-dev",
      "liblzma-dev",
      "libncurses5-dev",
      "libreadline-dev",
      "libsqlite3-dev",
      "libssl-dev",
      "zlib1g-dev",
    ],
    yum: [
      "gcc",
      "gcc-c++",
      "make",
      "tar",
      "gzip",
      "curl",
      "bzip2-devel",
      "libffi-devel",
      "gdbm-devel",
      "xz-devel",
      "ncurses-devel",
      "readline-devel",
      "sqlite-devel",
      "openssl-devel",
      "zlib-devel",
    ],
  },
  pythonRuntime: {
    apt: [
      "ca-certificates",
      "libbz2-1.0",
      "libffi8",
      "libgdbm6",
      "liblzma5",
      "libncursesw6",
      "libreadline8",
      "libsqlite3-0",
      "libssl3",
      "zlib1g",
    ],
    yum: [
      "ca-certificates",
      "bzip2",
      "libffi",
      "gdbm",
      "xz-libs",
      "ncurses-libs",
      "readline",
      "sqlite",
      "openssl-libs",
      "zlib",
    ],
  },
  cannBuild: {
    apt: [
      "curl",
      "gcc",
      "g++",
      "make",
      "cmake",
      "unzip",
      "pciutils",
      "net-tools",
      "libblas-dev",
      "liblapack-dev",
      "gfortran",
    ],
    yum: [
      "curl",
      "gcc",
      "gcc-c++",
      "make",
      "cmake",
      "unzip",
      "pciutils",
      "net-tools",
      "lapack-devel",
      "gcc-gfortran",
      "util-linux",
      "findutils",
    ],
  },
  cannRuntime: {
    apt: ["libblas3", "liblapack3", "libgfortran5", "libgomp1", "pciutils"],
    yum: ["blas", "lapack", "libgfortran", "libgomp", "pciutils"],
  },
} as const;

export function header(image: string, summary: string): string {
  return `# ${image}\n# ${summary}\n# Generated from the Strata image stack spec; regenerate it rather than editing.`;
}
