package org.pingliang.techmarket.search.evaluation;

import java.util.List;

/** Ranks the indexed achievements for a demand in one mode; answers document ids, best first. */
interface Ranker {

  List<String> rank(EvaluationSet.Demand demand, String mode, int size);
}
