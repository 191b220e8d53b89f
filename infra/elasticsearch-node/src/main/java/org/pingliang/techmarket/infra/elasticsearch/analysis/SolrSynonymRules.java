package org.pingliang.techmarket.infra.elasticsearch.analysis;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.List;

/**
 * Parses Solr-format rules ("马铃薯, 土豆, 洋芋" or "a, b => c") into a synonym map, analysing
 * every term with the chain in front of the synonym filter so rules match what that chain emits.
 *
 * <p>With {@code lenient}, a term the chain cannot turn into a plain token sequence (for example
 * a term made only of stop words) drops that term instead of failing the whole index.
 */
final class SolrSynonymRules extends SolrSynonymParser {

    private static final Logger LOG = LogManager.getLogger(SolrSynonymRules.class);
    private static final CharsRef SKIPPED = new CharsRef();

    private final boolean lenient;

    private SolrSynonymRules(boolean expand, boolean lenient, Analyzer termAnalyzer) {
        super(true, expand, termAnalyzer);
        this.lenient = lenient;
    }

    static SynonymMap parse(List<String> rules, boolean expand, boolean lenient, Analyzer termAnalyzer)
            throws IOException, ParseException {
        SolrSynonymRules parser = new SolrSynonymRules(expand, lenient, termAnalyzer);
        parser.parse(new StringReader(String.join("\n", rules)));
        return parser.build();
    }

    @Override
    public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
        try {
            return super.analyze(text, reuse);
        } catch (IllegalArgumentException unusable) {
            if (!lenient) {
                throw unusable;
            }
            LOG.info("ignoring synonym term [{}]: {}", text, unusable.getMessage());
            return SKIPPED;
        }
    }

    /** A mapping with a skipped side is dropped; the rest of the rule still applies. */
    @Override
    public void add(CharsRef input, CharsRef output, boolean includeOrig) {
        if (input.length == 0 || output.length == 0) {
            return;
        }
        super.add(input, output, includeOrig);
    }
}
