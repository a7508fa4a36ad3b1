import { PageLinks } from "@/components/repos/files/page-links";
import type { RowsPage } from "@/lib/datasets/viewer/dataset-preview";
import { getStrings } from "@/lib/i18n/server";

import { datasetViewerStrings } from "./strings";

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A page of rows: column names with their types, the cells, and links to the other pages. */
export async function RowsTable({
  page,
  offset,
  pageRows,
  hrefFor,
}: {
  page: RowsPage;
  offset: number;
  pageRows: number;
  hrefFor: (offset: number) => string;
}) {
  const s = await getStrings(datasetViewerStrings);
  if (page.rows.length === 0 && offset === 0) {
    return <p className="text-muted-foreground p-4 text-sm">{s.noRows}</p>;
  }
  const from = offset + 1;
  const to = offset + page.rows.length;
  return (
    <div data-testid="rows-table">
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="text-muted-foreground px-4 py-2 text-left text-xs">
            {s.rowsOf(from, to, page.total, page.partial)}
          </caption>
          <thead className="bg-subtle border-y text-left">
            <tr>
              <th scope="col" className="text-muted-foreground w-12 px-3 py-2 font-normal">
                {s.rowIndex}
              </th>
              {page.columns.map((column) => (
                <th key={column.name} scope="col" className="px-3 py-2 align-bottom">
                  <span className="block font-medium">{column.name}</span>
                  <span
                    className="text-muted-foreground block font-mono text-xs font-normal"
                    data-testid="column-type"
                  >
                    {column.dtype}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y">
            {page.rows.map((row) => (
              <tr key={row.rowIdx} data-testid="data-row">
                <td className="text-muted-foreground px-3 py-1.5 align-top tabular-nums">
                  {row.rowIdx}
                </td>
                {page.columns.map((column) => (
                  <td
                    key={column.name}
                    className="max-w-xs px-3 py-1.5 align-top break-words whitespace-pre-wrap"
                    title={row.truncated.includes(column.name) ? s.truncated : undefined}
                  >
                    <span className="line-clamp-4">
                      {cellText(row.row[column.name])}
                      {row.truncated.includes(column.name) ? "…" : null}
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="border-t p-3">
        <PageLinks
          page={Math.floor(offset / pageRows) + 1}
          pageCount={Math.max(1, Math.ceil(page.total / pageRows))}
          hrefFor={(n) => hrefFor((n - 1) * pageRows)}
          labels={s}
        />
      </div>
    </div>
  );
}
