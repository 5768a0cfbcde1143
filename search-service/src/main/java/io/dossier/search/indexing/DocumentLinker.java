package io.dossier.search.indexing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Links a document's title and text to the registry entities they mention, through the entities service, in one
 * call (the title, a blank line, the text). When the service cannot answer (down, or still loading its registry) the
 * call fails and the indexer retries the batch: a document is never indexed without its links.
 */
@ApplicationScoped
public class DocumentLinker {

    /** What a document's text links to, and the registry change feed sequence that reflects. */
    public record Links(List<EntitiesApi.Mention> mentions, long registrySeq) {
    }

    private final EntitiesApi entities;
    /**
     * The registry sequence every link from now on must reflect: the {@link Relinker} has re-linked the documents
     * linked before it, so a document linked by a lagging entities service (another replica) would miss a change.
     */
    private volatile long floor;

    public DocumentLinker(@RestClient EntitiesApi entities) {
        this.entities = entities;
    }

    public Links link(String title, String text) throws LinkerBehindException {
        String combined = IndexedDocument.linkedText(title, text);
        if (combined.isBlank()) {
            return new Links(List.of(), registrySeq());
        }
        EntitiesApi.Mentions found = entities.mentions(new EntitiesApi.Text(combined));
        long seq = found == null ? 0 : found.registrySeq();
        if (seq < floor) {
            throw new LinkerBehindException(seq, floor);
        }
        return new Links(found == null || found.mentions() == null ? List.of() : found.mentions(), seq);
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
