import "server-only";

import { AppError } from "@/lib/errors";
import { readFileBytes, type RepoRef } from "@/lib/hub";
import { parseCard } from "@/lib/hub/card/parse-card";
import { spaceSdks, type SpaceSdk } from "@/lib/hub/repos/space-templates";

const maxCardBytes = 1024 * 1024;

/** What a Space's README front matter says about its app (the Hub's keys). */
export type SpaceSettings = {
  sdk: SpaceSdk | null;
  title: string | null;
  emoji: string | null;
  colorFrom: string | null;
  colorTo: string | null;
  hardware: string | null;
  baseImage: string | null;
  appFile: string | null;
  shortDescription: string | null;
};

const text = (value: unknown, max = 300) =>
  typeof value === "string" && value.trim() ? value.trim().slice(0, max) : null;

/** What a Space card's front matter (`ParsedCard.data`) says about its app. */
export function spaceSettingsOf(data: Record<string, unknown>): SpaceSettings {
  const sdk = text(data.sdk);
  return {
    sdk: (spaceSdks as readonly string[]).includes(sdk ?? "") ? (sdk as SpaceSdk) : null,
    title: text(data.title, 60),
    emoji: text(data.emoji, 8),
    colorFrom: text(data.colorFrom, 16),
    colorTo: text(data.colorTo, 16),
    hardware: text(data.hardware, 32),
    baseImage: text(data.base_image),
    appFile: text(data.app_file),
    shortDescription: text(data.short_description, 120),
  };
}

/** A Space's settings at `rev`; all null when it has no readable card. */
export async function readSpaceSettings(ref: RepoRef, rev: string): Promise<SpaceSettings> {
  let data: Record<string, unknown> = {};
  try {
    const { data: bytes } = await readFileBytes(ref, {
      rev,
      path: "README.md",
      maxBytes: maxCardBytes,
    });
    data = parseCard(bytes.toString("utf8"), { type: "space" }).data;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
  return spaceSettingsOf(data);
}

const sdkByCommit = new Map<string, SpaceSdk | null>();
const sdkCacheSize = 1000;

/**
 * The SDK of a Space at its indexed head commit. The app proxy asks on every request, and reading
 * the card from git each time cost more than the proxying itself; a commit's card never changes,
 * so the answer is kept per commit (a few hundred bytes each, the oldest dropped first).
 */
export async function spaceSdkAt(
  ref: RepoRef,
  headCommit: string | null,
): Promise<SpaceSdk | null> {
  if (!headCommit) return (await readSpaceSettings(ref, "HEAD")).sdk;
  const known = sdkByCommit.get(headCommit);
  if (known !== undefined) return known;
  const { sdk } = await readSpaceSettings(ref, headCommit);
  if (sdkByCommit.size >= sdkCacheSize) sdkByCommit.delete(sdkByCommit.keys().next().value!);
  sdkByCommit.set(headCommit, sdk);
  return sdk;
}

/** Only a static Space's files are served as its app; the others run as built images. */
export async function assertStaticSpace(ref: RepoRef, rev: string): Promise<void> {
  if (ref.type !== "space" || (await readSpaceSettings(ref, rev)).sdk !== "static") {
    throw new AppError("not_found", "This repository has no static app to serve.");
  }
}
