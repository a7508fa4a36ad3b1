// Client-safe: ordering of the version strings the image stack uses.
//
// One comparator serves every layer, because the schemes overlap: CANN `8.0.rc3.alpha002`,
// `8.0.rc2.beta1`, `8.0.0`, `9.0.0-beta.1`; MindSpore `2.3.0rc1`; torch-npu `2.1.0.post6`; Python
// `3.10`; openMind `0.9.1`. A version is split into numbers and words; words are ranked
// dev < alpha < beta < rc < (release) < post, so that
//   8.0.rc3.alpha002 < 8.0.rc3.beta1 < 8.0.rc3 < 8.0.0 < 8.1.rc1   (CANN: RCs lead up to x.y.0)
//   2.3.0rc1 < 2.3.0 < 2.3.1                                       (PEP 440 pre-releases)
//   2.1.0 < 2.1.0.post6 < 2.1.1                                    (PEP 440 post-releases)
// and numbers compare as numbers (3.10 > 3.9).

type Token = number | string;

const wordRank: Record<string, number> = {
  dev: 0,
  a: 1,
  alpha: 1,
  b: 2,
  beta: 2,
  c: 3,
  rc: 3,
  post: 5,
};
/** The rank of "nothing more" (a release), between pre-release words and post-release words. */
const endRank = 4;

function tokenize(version: string): Token[] {
  const tokens: Token[] = [];
  for (const match of version.toLowerCase().matchAll(/(\d+)|([a-z]+)/g)) {
    tokens.push(match[1] !== undefined ? Number(match[1]) : (match[2] as string));
  }
  return tokens;
}

function rankOfWord(word: string): number {
  return wordRank[word] ?? 3.5; // unknown words sort as late pre-releases
}

function compareTokens(a: Token | undefined, b: Token | undefined): number {
  if (typeof a === "number" && typeof b === "number") return Math.sign(a - b);
  if (a === undefined && b === undefined) return 0;
  // A missing number counts as 0 ("2.3" == "2.3.0"); a missing word is a release.
  if (a === undefined)
    return typeof b === "number" ? Math.sign(0 - b) : Math.sign(endRank - rankOfWord(b as string));
  if (b === undefined) return -compareTokens(b, a);
  // A word in place of a number: pre-releases and post-releases both sort below the next number
  // ("8.0.rc3" < "8.0.0", "2.1.0.post6" < "2.1.0.1").
  if (typeof a === "string" && typeof b === "number") return -1;
  if (typeof a === "number" && typeof b === "string") return 1;
  const byRank = Math.sign(rankOfWord(a as string) - rankOfWord(b as string));
  return byRank || (a as string).localeCompare(b as string);
}

/** Negative when a is older than b, 0 when they are the same version, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const ta = tokenize(a);
  const tb = tokenize(b);
  for (let i = 0; i < Math.max(ta.length, tb.length); i++) {
    const order = compareTokens(ta[i], tb[i]);
    if (order !== 0) return order;
  }
  return 0;
}

/** Compares possibly-missing versions; a missing version sorts below every present one. */
function compareOptionalVersions(
  a: string | null | undefined,
  b: string | null | undefined,
): number {
  if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
  return compareVersions(a, b);
}

/** Distinct versions, oldest first. */
export function sortVersions(versions: Iterable<string>): string[] {
  return [...new Set(versions)].sort(compareVersions);
}

/**
 * Compares two keys of versions element by element (the first difference decides), e.g.
 * [openMind, framework, CANN, Python]. Missing versions sort lowest.
 */
export function compareVersionKeys(a: (string | null)[], b: (string | null)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const order = compareOptionalVersions(a[i], b[i]);
    if (order !== 0) return order;
  }
  return 0;
}
