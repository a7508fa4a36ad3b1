import "server-only";

import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/** `lower(column) LIKE '%text%'`, with `%`, `_` and `\` in the text matched literally. */
export function containsText(column: SQLWrapper, text: string): SQL {
  const like = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`lower(${column}) LIKE ${like} ESCAPE '\\'`;
}
