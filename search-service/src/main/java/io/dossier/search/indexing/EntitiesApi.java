package io.dossier.search.indexing;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** The entities service's linking and matching, called with this service's own client-credentials token. */
@RegisterRestClient(configKey = "entities")
@OidcClientFilter
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface EntitiesApi {

    @POST
    @Path("/mentions")
    Mentions mentions(Text text);

    @POST
    @Path("/mentions")
    CompletionStage<Mentions> mentionsAsync(Text text);

    @POST
    @Path("/mentions/batch")
    MentionsBatch mentionsBatch(Texts texts);

    @POST
    @Path("/entities/match")
    Matches match(MatchQuery query);

    @POST
    @Path("/entities/match/batch")
    MatchesBatch matchBatch(MatchNames names);

    @POST
    @Path("/entities/match")
    CompletionStage<Matches> matchAsync(MatchQuery query);

    record Text(String text) {
    }

    /**
     * Up to {@link DocumentLinker#BATCH_TEXTS} texts linked in one call; {@code spot}: with the names in them that
     * no registered name covers.
     */
    record Texts(List<String> texts, boolean spot) {
    }

    /** Each text's mentions in the order sent, all as of {@code registrySeq}. */
    record MentionsBatch(List<Linked> results, long registrySeq) {
    }

    record Linked(List<Mention> mentions, List<Spotted> names) {
    }

    /** A name in a text that the registry does not hold (PERSON, ORGANIZATION, LOCATION); offsets as mentions'. */
    record Spotted(String name, String type, int start, int end, Possible possible) {

        public Spotted(String name, String type, int start, int end) {
            this(name, type, start, end, null);
        }
    }

    /** The entity a spotted name is possibly another spelling of, with the matcher's score and rule. */
    record Possible(String entityId, String primaryName, double score, String matchedName, String rule) {
    }

    /** {@code registrySeq}: the registry change feed sequence the linking reflects. */
    record Mentions(List<Mention> mentions, long registrySeq) {
    }

    /** Offsets are UTF-16 indexes into the text sent, end exclusive. */
    record Mention(String entityId, String type, String primaryName, int start, int end, String surface,
            String name) {
    }

    record MatchQuery(String name, int limit) {
    }

    record Matches(List<Match> candidates) {
    }

    /** Up to 1,000 names matched in one call, each with its type (or null for any). */
    record MatchNames(List<MatchName> names, int limit) {
    }

    record MatchName(String name, String type) {
    }

    record MatchesBatch(List<Matched> results) {
    }

    record Matched(String name, List<Match> candidates) {
    }

    record Match(String entityId, String type, String primaryName, double score, String matchedName,
            String matchedKind, String rule) {
    }
}
