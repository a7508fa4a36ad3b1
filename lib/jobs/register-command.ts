// Client-safe: the command an admin copies to register a runner with a fresh registration token.

/** Quotes a word for a POSIX shell unless it is made of characters that need no quoting. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

export type RegisterCommandOptions = {
  url: string;
  token: string;
  executor: "shell" | "docker";
  /** For an NPU runner: its device ids and chip, e.g. [0,…,7] and "910b". */
  npus?: { devices: number[]; chip: string };
};

/**
 * `npm run runner -- register …` with everything `register` requires. The name is the host's own
 * (`"$(hostname)"`, expanded by the shell the admin pastes it into).
 */
export function registerCommand(options: RegisterCommandOptions): string {
  const words = [
    "npm run runner -- register",
    `--url ${shellWord(options.url)}`,
    `--token ${shellWord(options.token)}`,
    '--name "$(hostname)"',
    `--executor ${options.executor}`,
  ];
  if (options.npus) {
    words.push(
      `--npus ${options.npus.devices.join(",")}`,
      `--npu-chip ${shellWord(options.npus.chip)}`,
    );
  }
  return words.join(" ");
}
