import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";
import { getLocale, getStrings } from "@/lib/i18n/server";
import type { RegistrationTokenView } from "@/lib/jobs/registration-tokens";

import { RevokeRunnerTokenButton } from "./runner-actions";
import { jobStrings } from "./strings";

const cell = "px-4 py-2 align-top max-md:block max-md:py-1";
const label = "text-muted-foreground mr-1 md:hidden";

const tones = {
  active: "success",
  expired: "neutral",
  revoked: "neutral",
  used_up: "neutral",
} as const;

/** Registration tokens (never the tokens themselves: only their first characters). */
export async function RegistrationTokenTable({ tokens }: { tokens: RegistrationTokenView[] }) {
  const [s, locale] = await Promise.all([getStrings(jobStrings), getLocale()]);
  if (!tokens.length) return <p className="text-muted-foreground text-sm">{s.noTokens}</p>;
  return (
    <div className="overflow-hidden rounded-lg border">
      <table className="w-full text-sm max-md:block">
        <thead className="bg-subtle text-muted-foreground text-left max-md:hidden">
          <tr>
            <th className="px-4 py-2 font-medium">{s.columnToken}</th>
            <th className="px-4 py-2 font-medium">{s.columnDescription}</th>
            <th className="px-4 py-2 font-medium">{s.columnUses}</th>
            <th className="px-4 py-2 font-medium">{s.columnExpires}</th>
            <th className="px-4 py-2 font-medium">{s.columnCreated}</th>
            <th className="px-4 py-2" />
          </tr>
        </thead>
        <tbody className="max-md:block">
          {tokens.map((token) => (
            <tr
              key={token.id}
              className="border-t first:border-t-0 max-md:block max-md:py-2 md:first:border-t"
              data-testid="registration-token-row"
            >
              <td className={cell}>
                <span className="font-mono text-xs">{token.displayPrefix}…</span>{" "}
                <Badge tone={tones[token.status]} data-testid="registration-token-status">
                  {s.tokenStatus[token.status]}
                </Badge>
              </td>
              <td className={`${cell} [overflow-wrap:anywhere]`}>
                {token.description ?? <span className="text-muted-foreground">—</span>}
              </td>
              <td className={cell}>
                <span className={label}>{s.columnUses}:</span>
                {s.uses(token.useCount, token.maxUses)}
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                <span className={label}>{s.columnExpires}:</span>
                {token.expiresAt ? formatDateTime(token.expiresAt, locale) : s.never}
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                <span className={label}>{s.columnCreated}:</span>
                {formatDateTime(token.createdAt, locale)}
              </td>
              <td className={`${cell} md:text-right`}>
                {token.status === "active" ? (
                  <RevokeRunnerTokenButton tokenId={token.id} prefix={token.displayPrefix} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
