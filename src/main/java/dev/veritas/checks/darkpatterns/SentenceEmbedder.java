package dev.veritas.checks.darkpatterns;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a text into a 384-number vector of its meaning (all-MiniLM-L6-v2, quantized, shipped inside a dependency and run
 * in-process by ONNX Runtime: nothing is downloaded). Texts that say the same thing in different words get nearby vectors,
 * which lets {@link SentenceModel} recognise wording neither the rules nor the n-gram model have seen.
 *
 * <p>The network is loaded on first use (about a second). Where ONNX Runtime cannot run (an unsupported platform, a temp
 * directory that forbids native libraries), the embedder says so once and reports itself unavailable; dark patterns are
 * then read by the rules and the n-gram model alone. Safe to share between threads.
 */
public final class SentenceEmbedder {
    public static final int DIMENSIONS = 384;
    private static final Logger LOG = LoggerFactory.getLogger(SentenceEmbedder.class);

    private static final class Shared {
        static final SentenceEmbedder INSTANCE = new SentenceEmbedder();
    }

    private volatile Optional<AllMiniLmL6V2QuantizedEmbeddingModel> network;
    private volatile boolean loaded;

    private SentenceEmbedder() {
    }

    /** The one embedder of this process (the network takes ~25 MB of memory; one copy serves every audit). */
    public static SentenceEmbedder shared() {
        return Shared.INSTANCE;
    }

    /** The text's meaning vector, or empty when the network cannot run on this machine or the text is blank. */
    public Optional<float[]> embed(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        return network().map(n -> n.embed(text).content().vector());
    }

    /** Vectors for many texts at once (faster than one by one), in order; empty when the network cannot run. */
    public Optional<List<float[]>> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return network().map(n -> List.of());
        }
        return network().map(n -> n.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector()).toList());
    }

    public boolean available() {
        return network().isPresent();
    }

    private Optional<AllMiniLmL6V2QuantizedEmbeddingModel> network() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    network = load();
                    loaded = true;
                }
            }
        }
        return network;
    }

    private static Optional<AllMiniLmL6V2QuantizedEmbeddingModel> load() {
        try {
            return Optional.of(new AllMiniLmL6V2QuantizedEmbeddingModel());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("the sentence model cannot run here ({}); dark patterns are read by the rules and the n-gram model only", e.toString());
            return Optional.empty();
        }
    }
}
