package org.pingliang.techmarket.infra.elasticsearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.lucene.analysis.miscellaneous.DisableGraphAttribute;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cjk_bigram}: joins adjacent CJK characters produced by the standard tokenizer into
 * bigrams (锂电池 becomes 锂电, 电池). Parameters: {@code ignored_scripts} (han, hiragana,
 * katakana, hangul) and {@code output_unigrams}.
 */
final class CjkBigramFilterFactory extends AbstractTokenFilterFactory {

    private static final Map<String, Integer> SCRIPTS = Map.of(
            "han", CJKBigramFilter.HAN,
            "hiragana", CJKBigramFilter.HIRAGANA,
            "katakana", CJKBigramFilter.KATAKANA,
            "hangul", CJKBigramFilter.HANGUL);

    private final int scripts;
    private final boolean outputUnigrams;

    CjkBigramFilterFactory(String name, Settings settings) {
        super(name);
        outputUnigrams = settings.getAsBoolean("output_unigrams", false);
        int selected = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
        for (String ignored : settings.getAsList("ignored_scripts", List.of())) {
            Integer script = SCRIPTS.get(ignored.trim().toLowerCase(Locale.ROOT));
            if (script == null) {
                throw new IllegalArgumentException(
                        "[" + name + "] unknown script [" + ignored + "] in ignored_scripts, expected one of " + SCRIPTS.keySet());
            }
            selected &= ~script;
        }
        scripts = selected;
    }

    @Override
    public TokenStream create(TokenStream input) {
        CJKBigramFilter bigrams = new CJKBigramFilter(input, scripts, outputUnigrams);
        if (outputUnigrams) {
            // Unigrams and bigrams overlap without lining up as a graph; building query graphs
            // from them would multiply paths for nothing.
            bigrams.addAttribute(DisableGraphAttribute.class);
        }
        return bigrams;
    }
}
