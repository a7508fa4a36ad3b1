"use client";

import Link from "next/link";
import { useOptimistic, useState, useTransition } from "react";

import { setLikeAction } from "@/app/_repo-actions/like";
import { useLocale, useStrings } from "@/components/i18n/locale-provider";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { RepoType } from "@/db/schema/enums";
import { formatCount } from "@/lib/format";

import { repoStrings } from "./strings";

type Props = {
  type: RepoType;
  owner: string;
  name: string;
  likes: number;
  liked: boolean;
  signedIn: boolean;
  loginHref: string;
};

/** A like toggle that answers at once and settles on the server's count (one like per user). */
export function LikeButton({ type, owner, name, likes, liked, signedIn, loginHref }: Props) {
  const s = useStrings(repoStrings);
  const locale = useLocale();
  const [saved, setSaved] = useState({ likes, liked });
  // Shown at once while the action runs; React drops it for `saved` when the action ends.
  const [state, setOptimistic] = useOptimistic(saved, (current, next: boolean) => ({
    liked: next,
    likes: current.likes + (next === current.liked ? 0 : next ? 1 : -1),
  }));
  const [failed, setFailed] = useState(false);
  const [, startTransition] = useTransition();
  const toggle = () =>
    startTransition(async () => {
      const next = !state.liked;
      setOptimistic(next);
      setFailed(false);
      // A thrown error (offline) is a failure too; unhandled it would reach the error boundary.
      const result = await setLikeAction(
        { status: "idle" },
        { type, owner, name, liked: next },
      ).catch(() => null);
      startTransition(() => {
        if (result?.status === "success") setSaved(result.data);
        else setFailed(true);
      });
    });
  const count = <span className="tabular-nums">{formatCount(state.likes, locale)}</span>;
  const heart = <span aria-hidden>{state.liked ? "♥" : "♡"}</span>;
  if (!signedIn) {
    return (
      <Link
        href={loginHref}
        className={buttonClasses("secondary", "sm")}
        title={s.signInToLike}
        aria-label={`${s.signInToLike} (${s.likesLabel(state.likes)})`}
      >
        {heart} {s.like} {count}
      </Link>
    );
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={cn(buttonClasses("secondary", "sm"), state.liked && "border-brand text-brand")}
        aria-pressed={state.liked}
        aria-label={`${s.like} (${s.likesLabel(state.likes)})`}
        data-testid="like-button"
        onClick={toggle}
      >
        {heart} {state.liked ? s.liked : s.like} {count}
      </button>
      {failed ? (
        <span role="alert" className="text-danger text-xs">
          {s.likeFailed}
        </span>
      ) : null}
    </span>
  );
}
