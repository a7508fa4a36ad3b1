import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import {
  imageQueryString,
  paramNames,
  withImageQuery,
  type ImageQuery,
} from "@/lib/images/stack/filter-params";

/**
 * A plain GET form: the search text joins the filters already chosen (kept as hidden fields), so
 * searching never drops them, and the result is a URL like any other filtered view.
 */
export function SearchForm({
  query,
  basePath,
  label,
  placeholder,
  submit,
}: {
  query: ImageQuery;
  basePath: string;
  label: string;
  placeholder: string;
  submit: string;
}) {
  const kept = new URLSearchParams(imageQueryString(withImageQuery(query, { q: undefined })));
  return (
    <form action={basePath} method="get" role="search" className="flex gap-2">
      {[...kept].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Input
        type="search"
        name={paramNames.q}
        defaultValue={query.q ?? ""}
        placeholder={placeholder}
        aria-label={label}
        maxLength={100}
        className="min-w-0 flex-1"
      />
      <Button type="submit" variant="secondary">
        {submit}
      </Button>
    </form>
  );
}
