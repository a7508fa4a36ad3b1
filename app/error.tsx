"use client";

import { useStrings } from "@/components/i18n/locale-provider";
import { errorStrings } from "@/components/layout/error-strings";
import { Button } from "@/components/ui/button";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const s = useStrings(errorStrings);
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-muted-foreground font-mono text-sm">500</p>
      <h1 className="mt-2 text-2xl font-semibold">{s.errorTitle}</h1>
      <p className="text-muted-foreground mt-2">{s.errorLead}</p>
      {error.digest ? (
        <p className="text-muted-foreground mt-2 font-mono text-xs">
          {s.reference}: {error.digest}
        </p>
      ) : null}
      <Button variant="secondary" className="mt-6" onClick={reset}>
        {s.tryAgain}
      </Button>
    </div>
  );
}
