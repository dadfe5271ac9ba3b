package dev.debrief.scoring.scorer;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sentences, tokens and universal parts of speech from Apache OpenNLP's English UD-EWT models. The models
 * load once; the OpenNLP tools around them are not thread-safe, so each thread gets its own.
 */
public final class TextAnalyzer {

    static final String SENTENCE_MODEL = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKEN_MODEL = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    static final String POS_MODEL = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    /** The words the UD tagger can call NUM: cardinals and the multipliers spoken in impact statements. */
    static final Set<String> NUMBER_WORDS = Set.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
            "thousand", "million", "millions", "billion", "billions", "dozen", "dozens", "hundreds", "thousands", "half");

    private final ThreadLocal<SentenceDetectorME> sentences;
    private final ThreadLocal<TokenizerME> tokenizer;
    private final ThreadLocal<POSTaggerME> tagger;

    public TextAnalyzer() {
        SentenceModel sentenceModel = load(SENTENCE_MODEL, SentenceModel::new);
        TokenizerModel tokenModel = load(TOKEN_MODEL, TokenizerModel::new);
        POSModel posModel = load(POS_MODEL, POSModel::new);
        sentences = ThreadLocal.withInitial(() -> new SentenceDetectorME(sentenceModel));
        tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(tokenModel));
        tagger = ThreadLocal.withInitial(() -> new POSTaggerME(posModel));
    }

    /** One token: its character span in the answer, its text and the index of its sentence. */
    public record Token(int start, int end, String text, int sentence, int indexInSentence) {
        public boolean isWord() {
            return Character.isLetterOrDigit(text.charAt(0));
        }

        public boolean hasDigit() {
            return text.chars().anyMatch(Character::isDigit);
        }
    }

    /**
     * The analysed answer: the text, its sentence spans and its tokens. Parts of speech are tagged per sentence
     * on first use (the beam-search tagger is most of the cost, and most dimensions never ask for a tag).
     */
    public record Analysis(String text, String lower, List<Span> sentences, List<Token> tokens, String[][] tags,
            TextAnalyzer analyzer) {

        /** The universal POS tag (NUM, VERB, PRON …) of a token. */
        public String pos(Token token) {
            String[] sentenceTags = tags[token.sentence()];
            if (sentenceTags == null) {
                String[] words = tokens.stream().filter(t -> t.sentence() == token.sentence()).map(Token::text)
                        .toArray(String[]::new);
                sentenceTags = analyzer.tagger.get().tag(words);
                tags[token.sentence()] = sentenceTags;
            }
            return sentenceTags[token.indexInSentence()];
        }

        /**
         * Digits, or a number word the tagger reads as NUM ("three" people, not "three-way"): only number words are
         * tagged, so an answer without any costs no tagging here.
         */
        public boolean isNumber(Token token) {
            return token.hasDigit() || NUMBER_WORDS.contains(token.text().toLowerCase(Locale.ROOT)) && "NUM".equals(pos(token));
        }

        public long wordCount() {
            return tokens.stream().filter(Token::isWord).count();
        }

        /** The sentence containing an offset, as a span of the text. */
        public Span sentenceAt(int offset) {
            for (Span s : sentences) {
                if (offset >= s.getStart() && offset < s.getEnd()) {
                    return s;
                }
            }
            return new Span(0, text.length());
        }

        public List<Token> tokensOf(int sentence) {
            return tokens.stream().filter(t -> t.sentence() == sentence).toList();
        }
    }

    public Analysis analyze(String text) {
        Span[] sentenceSpans = sentences.get().sentPosDetect(text);
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < sentenceSpans.length; i++) {
            Span sentence = sentenceSpans[i];
            String sentenceText = text.substring(sentence.getStart(), sentence.getEnd());
            Span[] tokenSpans = tokenizer.get().tokenizePos(sentenceText);
            for (int t = 0; t < tokenSpans.length; t++) {
                tokens.add(new Token(sentence.getStart() + tokenSpans[t].getStart(),
                        sentence.getStart() + tokenSpans[t].getEnd(), tokenSpans[t].getCoveredText(sentenceText).toString(),
                        i, t));
            }
        }
        return new Analysis(text, text.toLowerCase(Locale.ROOT), List.of(sentenceSpans), tokens,
                new String[sentenceSpans.length][], this);
    }

    private interface ModelReader<M> {
        M read(InputStream in) throws IOException;
    }

    private static <M> M load(String resource, ModelReader<M> reader) {
        try (InputStream in = TextAnalyzer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not load OpenNLP model " + resource, e);
        }
    }
}
