package io.dossier.search.indexing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.dossier.search.SearchConfig;

/**
 * Links documents' titles and texts to the registry entities they mention, through the entities service: each
 * document as one text (the title, a blank line, the text), a page of documents per call
 * ({@code POST /api/v1/mentions/batch}, so an entities service at least as new as this one must be deployed first).
 * When the service cannot answer (down, or still loading its registry) the call fails and the indexer retries the
 * batch: a document is never indexed without its links.
 */
@ApplicationScoped
public class DocumentLinker {

    /**
     * What a document's text links to, the names in it that the registry does not hold (the candidates), and the
     * registry change feed sequence that reflects.
     */
    public record Links(List<EntitiesApi.Mention> mentions, List<EntitiesApi.Spotted> names, long registrySeq) {
    }

    /** Texts per batch call (the entities service takes up to 100). */
    static final int BATCH_TEXTS = 50;
    /** Characters per batch call, about: well under the HTTP body limit even for three-byte scripts. */
    static final long BATCH_CHARS = 2_000_000;

    private final EntitiesApi entities;
    /** Whether to ask for the names the registry does not hold as well. */
    private final boolean spotNames;
    /**
     * The registry sequence every link from now on must reflect: the {@link Relinker} has re-linked the documents
     * linked before it, so a document linked by a lagging entities service (another replica) would miss a change.
     */
    private volatile long floor;

    public DocumentLinker(@RestClient EntitiesApi entities, SearchConfig config) {
        this.entities = entities;
        this.spotNames = config.feed().spotNames();
    }

    /**
     * Links documents, given as title and text pairs, a batch of them per call to the entities service (at most
     * {@link #BATCH_TEXTS} texts and about {@link #BATCH_CHARS} characters in each): one token check and one round
     * trip per batch instead of per document. The links come back in the order of the documents.
     */
    public List<Links> linkAll(List<String[]> documents) throws LinkerBehindException {
        List<Links> out = new java.util.ArrayList<>(documents.size());
        List<String> batch = new java.util.ArrayList<>();
        long chars = 0;
        for (String[] document : documents) {
            String combined = IndexedDocument.linkedText(document[0], document[1]);
            if (!batch.isEmpty() && (batch.size() == BATCH_TEXTS || chars + combined.length() > BATCH_CHARS)) {
                out.addAll(linkBatch(batch));
                batch.clear();
                chars = 0;
            }
            batch.add(combined);
            chars += combined.length();
        }
        if (!batch.isEmpty()) {
            out.addAll(linkBatch(batch));
        }
        return out;
    }

    private List<Links> linkBatch(List<String> texts) throws LinkerBehindException {
        EntitiesApi.MentionsBatch found = entities.mentionsBatch(new EntitiesApi.Texts(texts, spotNames));
        if (found == null || found.results() == null || found.results().size() != texts.size()) {
            throw new IllegalStateException("the entities service answered a batch of " + texts.size()
                    + " texts with " + (found == null || found.results() == null ? 0 : found.results().size()));
        }
        if (found.registrySeq() < floor) {
            throw new LinkerBehindException(found.registrySeq(), floor);
        }
        return found.results().stream().map(r -> new Links(r.mentions() == null ? List.of() : r.mentions(),
                r.names() == null ? List.of() : r.names(), found.registrySeq())).toList();
    }

    /** The registry sequence the entities service's linking reflects now. */
    public long registrySeq() {
        EntitiesApi.Mentions probe = entities.mentions(new EntitiesApi.Text(" "));
        return probe == null ? 0 : probe.registrySeq();
    }

    void raiseFloor(long seq) {
        if (seq > floor) {
            floor = seq;
        }
    }

    /** The entities service links with an older registry than this service has already caught up with. */
    public static final class LinkerBehindException extends Exception {

        LinkerBehindException(long seq, long floor) {
            super("the entities service links as of registry change " + seq + ", older than " + floor);
        }
    }
}
