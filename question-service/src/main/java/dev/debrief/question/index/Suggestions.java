package dev.debrief.question.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * As-you-type: published titles (the public catalog's and the caller's firm's) whose words start with the
 * words typed, best match first. Each typed word is one term look-up in the titles' prefix field, inside
 * the same index and the same visibility filter as lists, so a firm never sees another's titles here either.
 */
@ApplicationScoped
public class Suggestions {

    /** One suggestion: enough to show it and to open the question. */
    public record Suggestion(UUID id, String slug, String title) {
    }

    public static final int MAX = 10;
    private static final int MAX_WORDS = 8;

    private final CatalogIndex index;
    private final Analyzer words = Analyzers.words();

    public Suggestions(CatalogIndex index) {
        this.index = index;
    }

    public List<Suggestion> suggest(String typed, String tenant, int count) {
        List<String> prefixes = prefixes(typed);
        if (prefixes.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(Visibility.published(tenant), BooleanClause.Occur.FILTER);
        for (String p : prefixes) {
            q.add(new TermQuery(new Term(Fields.SUGGEST, p)), BooleanClause.Occur.MUST);
        }
        CatalogIndex.View view = index.acquire();
        try {
            TopDocs top = view.searcher().search(q.build(), Math.min(count, MAX));
            List<Suggestion> out = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                CatalogRow row = QuestionDocuments.read(view.searcher().getIndexReader(), sd.doc);
                out.add(new Suggestion(row.id(), row.slug(), row.title()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("suggestions failed", e);
        } finally {
            index.release(view);
        }
    }

    /** The typed words, lower-cased and cut to the longest prefix indexed. */
    private List<String> prefixes(String typed) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = words.tokenStream(Fields.SUGGEST, typed)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < MAX_WORDS) {
                String w = term.toString();
                out.add(w.length() > Analyzers.MAX_PREFIX ? w.substring(0, Analyzers.MAX_PREFIX) : w);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
