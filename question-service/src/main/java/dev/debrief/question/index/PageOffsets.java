package dev.debrief.question.index;

import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.List;

/**
 * The highlighter's offsets from postings, for the documents of one page: each of the query's terms is looked up
 * once per segment and its postings walked forward across the page's documents, which the highlighter visits in
 * id order. Lucene's own strategy looks every term up again for every document: a search's words and their near
 * spellings, times twenty documents, was half of the highlighting's CPU.
 */
final class PageOffsets extends PostingsOffsetStrategy {

    /** The terms and the dictionary (one segment's field) the postings below are of, and the last document read. */
    private BytesRef[] terms;
    private Terms dictionary;
    private PostingsEnum[] postings;
    private int lastDoc = -1;

    PageOffsets(UHComponents components) {
        super(components);
    }

    @Override
    protected void createOffsetsEnumsForTerms(BytesRef[] sourceTerms, Terms termsIndex, int doc,
            List<OffsetsEnum> results) throws IOException {
        if (sourceTerms != terms || termsIndex != dictionary || doc <= lastDoc) {   // a step back: never, today
            terms = sourceTerms;
            dictionary = termsIndex;
            postings = lookUp(sourceTerms, termsIndex);
        }
        lastDoc = doc;
        for (int i = 0; i < sourceTerms.length; i++) {
            PostingsEnum p = postings[i];
            if (p == null) {
                continue;
            }
            if (p.docID() < doc) {
                p.advance(doc);
            }
            if (p.docID() == doc) {
                results.add(new OffsetsEnum.OfPostings(sourceTerms[i], p));
            }
        }
    }

    private static PostingsEnum[] lookUp(BytesRef[] sourceTerms, Terms termsIndex) throws IOException {
        PostingsEnum[] out = new PostingsEnum[sourceTerms.length];
        TermsEnum termsEnum = termsIndex.iterator();
        for (int i = 0; i < sourceTerms.length; i++) {
            if (termsEnum.seekExact(sourceTerms[i])) {
                out[i] = termsEnum.postings(null, PostingsEnum.OFFSETS);
            }
        }
        return out;
    }
}
