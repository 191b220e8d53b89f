package org.pingliang.techmarket.infra.elasticsearch.analysis;

import org.elasticsearch.common.settings.Settings;

/**
 * {@code min_gram} / {@code max_gram} as the official edge_ngram filter and tokenizer read them
 * (defaults 1 and 2), checked once so Lucene's own errors never reach a user without the
 * component's name.
 */
record NGramSizes(int min, int max) {

    static NGramSizes read(String component, Settings settings) {
        int min = settings.getAsInt("min_gram", 1);
        int max = settings.getAsInt("max_gram", 2);
        if (min < 1 || max < min) {
            throw new IllegalArgumentException(
                    "[" + component + "] needs 1 <= min_gram <= max_gram, got min_gram=" + min + ", max_gram=" + max);
        }
        return new NGramSizes(min, max);
    }
}
