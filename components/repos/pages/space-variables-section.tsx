import { SettingsSection } from "@/components/ui/settings-parts";
import { spaceVariableKinds } from "@/db/schema/enums";
import { pageCaller } from "@/lib/auth/page-caller";
import { getStrings } from "@/lib/i18n/server";
import { loadSpaceVariables } from "@/lib/spaces/variables";

import { AddSpaceVariableForm, SpaceVariableRow } from "../settings/space-variable-forms";
import { spaceVariableStrings } from "../space-variable-strings";

/** A Space's variables (with their values) and secrets (names only), for its writers. */
export async function SpaceVariablesSection({ space }: { space: { owner: string; name: string } }) {
  const s = await getStrings(spaceVariableStrings);
  const caller = await pageCaller();
  if (!caller) return null;
  const entries = await loadSpaceVariables(caller, { type: "space", ...space });
  const text = {
    variable: { title: s.variables, hint: s.variablesHint, empty: s.noVariables },
    secret: { title: s.secrets, hint: s.secretsHint, empty: s.noSecrets },
  };
  return (
    <SettingsSection id="space-variables" title={s.title}>
      <p className="text-muted-foreground mb-4 text-sm">{s.hint}</p>
      <div className="space-y-6">
        {spaceVariableKinds.map((kind) => {
          const ofKind = entries.filter((entry) => entry.kind === kind);
          return (
            <div key={kind} className="space-y-2" data-testid={`space-${kind}s`}>
              <h3 className="text-sm font-semibold">{text[kind].title}</h3>
              <p className="text-muted-foreground text-xs">{text[kind].hint}</p>
              {ofKind.length ? (
                <ul className="divide-y">
                  {ofKind.map((entry) => (
                    <SpaceVariableRow
                      key={entry.name}
                      space={space}
                      kind={kind}
                      name={entry.name}
                      value={kind === "secret" ? null : entry.value}
                    />
                  ))}
                </ul>
              ) : (
                <p className="text-muted-foreground text-sm">{text[kind].empty}</p>
              )}
              <AddSpaceVariableForm space={space} kind={kind} />
            </div>
          );
        })}
      </div>
    </SettingsSection>
  );
}
