import { errorStrings } from "@/components/layout/error-strings";
import { ButtonLink } from "@/components/ui/button";
import { getStrings } from "@/lib/i18n/server";

export default async function NotFound() {
  const s = await getStrings(errorStrings);
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-muted-foreground font-mono text-sm">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{s.notFoundTitle}</h1>
      <p className="text-muted-foreground mt-2">{s.notFoundLead}</p>
      <ButtonLink href="/" variant="secondary" className="mt-6">
        {s.goHome}
      </ButtonLink>
    </div>
  );
}
