"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { setLikeAction } from "@/app/_repo-actions/like";
import { useLocale, useStrings } from "@/components/i18n/locale-provider";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { RepoType } from "@/db/schema/enums";
import { formatCount } from "@/lib/format";

import { repoListKeys } from "./list/queries";
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
  const queryClient = useQueryClient();
  const [state, setState] = useState({ likes, liked });
  const mutation = useMutation({
    mutationFn: async (next: boolean) => {
      const result = await setLikeAction({ status: "idle" }, { type, owner, name, liked: next });
      if (result.status !== "success")
        throw new Error(result.status === "error" ? result.message : "failed");
      return result.data;
    },
    onMutate: (next) => {
      const previous = state;
      setState({
        liked: next,
        likes: previous.likes + (next === previous.liked ? 0 : next ? 1 : -1),
      });
      return { previous };
    },
    onError: (_error, _next, context) => {
      if (context) setState(context.previous);
    },
    onSuccess: (data) => setState(data),
    onSettled: () => queryClient.invalidateQueries({ queryKey: repoListKeys.all }),
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
        onClick={() => mutation.mutate(!state.liked)}
      >
        {heart} {state.liked ? s.liked : s.like} {count}
      </button>
      {mutation.isError ? (
        <span role="alert" className="text-danger text-xs">
          {s.likeFailed}
        </span>
      ) : null}
    </span>
  );
}
