/**
 * Ranking metrics for the judged query set (`npm run eval:search`). A ranking is the list of
 * document keys a search returned, best first; grades are the judged relevance of documents (2 =
 * highly relevant, 1 = partly); a document without a grade counts as not relevant.
 */

export type Grades = Readonly<Record<string, number>>;

const gradeOf = (grades: Grades, key: string): number => grades[key] ?? 0;

/** The first `k` keys, each counted once (a provider listing a document twice gains nothing). */
function topK(ranked: readonly string[], k: number): string[] {
  return [...new Set(ranked)].slice(0, k);
}

/** 1 / rank of the first relevant document (any grade above 0) within the first `k`, else 0. */
export function reciprocalRank(ranked: readonly string[], grades: Grades, k = 10): number {
  const index = topK(ranked, k).findIndex((key) => gradeOf(grades, key) > 0);
  return index === -1 ? 0 : 1 / (index + 1);
}

/**
 * Discounted cumulative gain with exponential gains, so a highly relevant document is worth three
 * times a partly relevant one: the sum of (2^grade − 1) / log2(rank + 1).
 */
export function discountedGain(gradesInOrder: readonly number[]): number {
  return gradesInOrder.reduce((sum, grade, index) => sum + (2 ** grade - 1) / Math.log2(index + 2), 0);
}

/** DCG of the first `k` results over the DCG of the best possible first `k`; 0 when nothing is relevant. */
export function ndcg(ranked: readonly string[], grades: Grades, k = 10): number {
  const ideal = Object.values(grades)
    .filter((grade) => grade > 0)
    .sort((a, b) => b - a)
    .slice(0, k);
  const best = discountedGain(ideal);
  if (best === 0) return 0;
  return discountedGain(topK(ranked, k).map((key) => gradeOf(grades, key))) / best;
}

/**
 * Share of the relevant documents found in the first `k`, out of at most `k`: a need with 15
 * relevant documents scores 1 when the first ten are all relevant, so a perfect ranking always
 * scores 1 and broad needs are comparable with narrow ones.
 */
export function recall(ranked: readonly string[], grades: Grades, k = 10): number {
  const relevant = Object.values(grades).filter((grade) => grade > 0).length;
  if (relevant === 0) return 0;
  const found = topK(ranked, k).filter((key) => gradeOf(grades, key) > 0).length;
  return found / Math.min(relevant, k);
}

export type QueryScores = { reciprocalRank: number; ndcg: number; recall: number };

export function scoreRanking(ranked: readonly string[], grades: Grades, k = 10): QueryScores {
  return {
    reciprocalRank: reciprocalRank(ranked, grades, k),
    ndcg: ndcg(ranked, grades, k),
    recall: recall(ranked, grades, k),
  };
}

/** The mean of each score over queries (MRR is the mean reciprocal rank); zeros for no queries. */
export function meanScores(scores: readonly QueryScores[]): QueryScores {
  const mean = (pick: (s: QueryScores) => number) =>
    scores.length === 0 ? 0 : scores.reduce((sum, s) => sum + pick(s), 0) / scores.length;
  return {
    reciprocalRank: mean((s) => s.reciprocalRank),
    ndcg: mean((s) => s.ndcg),
    recall: mean((s) => s.recall),
  };
}
