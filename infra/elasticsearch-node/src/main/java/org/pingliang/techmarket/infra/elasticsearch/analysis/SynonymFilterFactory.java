package org.pingliang.techmarket.infra.elasticsearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code synonym} and {@code synonym_graph} with Solr-format rules, inline ({@code synonyms}) or
 * from a file under the config directory ({@code synonyms_path}), plus {@code expand},
 * {@code lenient} and {@code updateable}.
 *
 * <p>Rules must be analysed by the same tokenizer and filters that precede this filter in each
 * analyzer, so the server first asks for a chain-aware copy
 * ({@link #getChainAwareTokenFilterFactory}); only that copy builds token streams.
 *
 * <p>Not available on this node: {@code synonyms_set} (needs the synonyms API of the full
 * distribution) and {@code format: wordnet}.
 */
final class SynonymFilterFactory extends AbstractTokenFilterFactory {

    /** {@code synonym} (flat, for index time) or {@code synonym_graph} (multi-word aware, for queries). */
    enum Kind {
        FLAT((input, map) -> new SynonymFilter(input, map, false)),
        GRAPH((input, map) -> new SynonymGraphFilter(input, map, false));

        private final BiFunction<TokenStream, SynonymMap, TokenStream> filter;

        Kind(BiFunction<TokenStream, SynonymMap, TokenStream> filter) {
            this.filter = filter;
        }
    }

    private final Kind kind;
    private final Environment environment;
    private final Settings settings;
    private final boolean expand;
    private final boolean lenient;
    private final AnalysisMode analysisMode;

    SynonymFilterFactory(Kind kind, Environment environment, String name, Settings settings) {
        super(name);
        this.kind = kind;
        this.environment = environment;
        this.settings = settings;
        rejectUnsupported(name, settings);
        if (!settings.hasValue("synonyms") && !settings.hasValue("synonyms_path")) {
            throw new IllegalArgumentException("[" + name + "] synonym requires either `synonyms` or `synonyms_path` to be configured");
        }
        expand = settings.getAsBoolean("expand", true);
        boolean updateable = settings.getAsBoolean("updateable", false);
        lenient = settings.getAsBoolean("lenient", updateable);
        // Reloadable rules may only change query analysis; index-time terms would go stale.
        analysisMode = updateable ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
    }

    private static void rejectUnsupported(String name, Settings settings) {
        if (settings.hasValue("synonyms_set")) {
            throw new IllegalArgumentException("[" + name + "] synonyms_set is not available on this node; "
                    + "use inline `synonyms` or `synonyms_path`");
        }
        String format = settings.get("format", "solr").toLowerCase(Locale.ROOT);
        if (!format.equals("solr")) {
            throw new IllegalArgumentException("[" + name + "] synonym format [" + format + "] is not available on this node; use solr");
        }
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return analysisMode;
    }

    @Override
    public TokenStream create(TokenStream input) {
        throw new IllegalStateException("[" + name() + "] must be specialised for its analysis chain first");
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
            IndexCreationContext context,
            TokenizerFactory tokenizer,
            List<CharFilterFactory> charFilters,
            List<TokenFilterFactory> previousTokenFilters,
            Function<String, TokenFilterFactory> allFilters) {
        CustomAnalyzer termAnalyzer = new CustomAnalyzer(
                tokenizer,
                charFilters.toArray(CharFilterFactory[]::new),
                previousTokenFilters.stream().map(TokenFilterFactory::getSynonymFilter).toArray(TokenFilterFactory[]::new));
        SynonymMap synonyms;
        try (termAnalyzer) {
            synonyms = SolrSynonymRules.parse(rules(), expand, lenient, termAnalyzer);
        } catch (Exception e) {
            throw new IllegalArgumentException("failed to build synonyms for [" + name() + "]: " + e.getMessage(), e);
        }
        return new ChainedSynonymFilterFactory(name(), kind, synonyms, analysisMode);
    }

    /** Inline rules win over a file when both are given, as on the official node. */
    private List<String> rules() {
        if (settings.hasValue("synonyms")) {
            return settings.getAsList("synonyms", List.of());
        }
        List<String> fromFile = Analysis.getWordList(environment, settings, "synonyms");
        return fromFile == null ? List.of() : fromFile;
    }

    /** The specialised copy: holds the parsed map and builds the actual filter. */
    private record ChainedSynonymFilterFactory(String name, Kind kind, SynonymMap synonyms, AnalysisMode analysisMode)
            implements TokenFilterFactory {

        @Override
        public TokenStream create(TokenStream input) {
            // An empty rule set has no FST, and the Lucene filters require one.
            return synonyms.fst == null ? input : kind.filter.apply(input, synonyms);
        }

        @Override
        public AnalysisMode getAnalysisMode() {
            return analysisMode;
        }

        /** Rules of a later synonym filter are not themselves rewritten by this one. */
        @Override
        public TokenFilterFactory getSynonymFilter() {
            return IDENTITY_FILTER;
        }
    }
}
