import "server-only";

import { findSpaceRun } from "@/db/queries/space-runs";
import { staticAppHeaders } from "@/lib/http/content-type";
import type { Locale } from "@/lib/i18n/strings";

import { loadSpaceRunView } from "./run-state";
import { wakeSpace } from "./sleep";
import { spaceProxyStrings } from "./strings";

function page(text: string, refreshSeconds: number | null): Response {
  const refresh =
    refreshSeconds === null ? "" : `<meta http-equiv="refresh" content="${refreshSeconds}">`;
  return new Response(
    `<!doctype html><meta charset="utf-8">${refresh}<title>${text}</title><p>${text}</p>`,
    {
      status: 503,
      headers: {
        ...staticAppHeaders,
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        ...(refreshSeconds === null ? {} : { "Retry-After": String(refreshSeconds) }),
      },
    },
  );
}

/**
 * What the proxy answers when the Space's app does not (a page of its own, never the app's): paused
 * by its owner; asleep, which this very visit wakes; starting; or not running at all. The pages that
 * can turn into the app reload themselves.
 */
export async function absentAppResponse(repoId: number, lang: Locale): Promise<Response> {
  const s = spaceProxyStrings[lang];
  const run = await findSpaceRun(repoId);
  if (run?.paused) return page(s.paused, null);
  if (run?.sleeping && (await wakeSpace(repoId))) return page(s.wakingUp, 2);
  const view = await loadSpaceRunView(repoId);
  if (view.state === "starting") return page(s.appStarting, 2);
  return page(s.appNotRunning, 10);
}
