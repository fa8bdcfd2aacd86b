/** What ranking needs of a township. */
export interface Rankable {
  eligible: boolean;
  score: number;
  township: string;
  source: string;
}

/** Eligible first, then higher score; name and source only break ties in the order shown. */
export function compareForRanking(a: Rankable, b: Rankable): number {
  if (a.eligible !== b.eligible) return a.eligible ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  return compareText(a.township, b.township) || compareText(a.source, b.source);
}

/** Competition ranks (1, 2, 2, 4) for rows already in ranking order. */
export function competitionRanks(sorted: readonly Rankable[]): number[] {
  const ranks: number[] = [];
  sorted.forEach((row, i) => {
    const previous = sorted[i - 1];
    const tied = previous && previous.eligible === row.eligible && previous.score === row.score;
    ranks.push(tied ? (ranks[i - 1] as number) : i + 1);
  });
  return ranks;
}

// Code-point order: deterministic everywhere, unlike locale collation.
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
