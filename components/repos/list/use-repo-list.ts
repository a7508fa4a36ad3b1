"use client";

import { useEffect, useState } from "react";

import type { RepoType } from "@/db/schema/enums";
import type { RepoListPage } from "@/lib/repos/list/summary";

/** One page of a list and the query string (`listQueryString`) it answers. */
export type LoadedList = { key: string; page: RepoListPage };

async function fetchRepoList(
  type: RepoType,
  key: string,
  signal: AbortSignal,
): Promise<RepoListPage> {
  const response = await fetch(`/api/repos?type=${type}${key ? `&${key.slice(1)}` : ""}`, {
    signal,
    credentials: "same-origin",
  });
  if (!response.ok) throw new Error(`GET /api/repos answered ${response.status}`);
  return (await response.json()) as RepoListPage;
}

/**
 * The page of a list for the URL's query string `key`. The server's page (`initial`) answers its
 * own URL; any other URL is fetched from `/api/repos`, the previous page staying on screen
 * meanwhile, and a newer URL aborts the older request.
 */
export function useRepoList(type: RepoType, key: string, initial: LoadedList) {
  const [fetched, setFetched] = useState<LoadedList | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The server's page wins for its own URL: it is also the one a refresh brings.
  const shown = initial.key === key || !fetched ? initial : fetched;
  const fetchedKey = fetched?.key;

  useEffect(() => {
    if (initial.key === key || fetchedKey === key) return;
    const controller = new AbortController();
    fetchRepoList(type, key, controller.signal).then(
      (page) => {
        setFetched({ key, page });
        setFailed(null);
      },
      () => {
        if (!controller.signal.aborted) setFailed(key);
      },
    );
    return () => controller.abort();
  }, [type, key, initial.key, fetchedKey, attempt]);

  return {
    page: shown.page,
    /** Still the page of an earlier URL while the current one loads. */
    stale: shown.key !== key,
    failed: failed === key,
    fetching: shown.key !== key && failed !== key,
    retry: () => {
      setFailed(null);
      setAttempt((n) => n + 1);
    },
  };
}
