"use client";

import { signIn } from "next-auth/react";

import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";

import { authStrings } from "./strings";

const providerNames: Record<string, string> = { github: "GitHub", gitee: "Gitee" };

export function OAuthButtons({
  providers,
  callbackPath,
}: {
  providers: string[];
  callbackPath: string;
}) {
  const s = useStrings(authStrings);
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 space-y-2">
      <p className="text-muted-foreground text-center text-xs">{s.orContinueWith}</p>
      {providers.map((id) => (
        <Button
          key={id}
          variant="secondary"
          className="w-full"
          onClick={() => void signIn(id, { callbackUrl: callbackPath })}
        >
          {providerNames[id] ?? id}
        </Button>
      ))}
    </div>
  );
}
