// Plain value lists shared by the schema, validation and the UI (no drizzle imports here,
// so client components can use them).

export const memberRoles = ["read", "write", "admin"] as const;
export type MemberRole = (typeof memberRoles)[number];

export const tokenScopes = ["read", "write"] as const;
export type TokenScope = (typeof tokenScopes)[number];
