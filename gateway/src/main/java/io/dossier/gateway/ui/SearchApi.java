package io.dossier.gateway.ui;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.oidc.token.propagation.common.AccessToken;

/** The search service, called with the logged-in user's own access token. */
@RegisterRestClient(configKey = "search")
@AccessToken
@Path("/api/v1/search")
public interface SearchApi {

    /** A search; {@code params} are the search API's query parameters (q, entity, type, ... cursor, size). */
    @GET
    Results search(@RestQuery Map<String, List<String>> params);

    @GET
    @Path("entities")
    Suggestions suggest(@QueryParam("q") String q, @QueryParam("size") int size);

    @GET
    @Path("entities/{id}/co-mentioned")
    CoMentions coMentioned(@PathParam("id") String id, @QueryParam("size") int size);

    @GET
    @Path("documents/{id}")
    Document document(@PathParam("id") String id, @QueryParam("q") String q, @QueryParam("exact") boolean exact);

    @GET
    @Path("documents/{id}/similar")
    Similar similar(@PathParam("id") String id, @QueryParam("size") int size);

    @GET
    @Path("notes")
    NoteHits notesAbout(@QueryParam("entity") String entity, @QueryParam("size") int size);

    /** Analysts' notes whose passages mention an entity, each with its document. */
    record NoteHits(List<NoteHit> notes, long documents) {
    }

    record NoteHit(String id, String sourceId, String title, String collection, String language,
            String publishedAt, int start, int end, String quote, String text, String author, String createdAt,
            String updatedBy, String updatedAt) {
    }

    /** Our copy of what the search service answers. Highlights are escaped HTML with {@code <mark>} tags. */
    record Results(long total, List<Hit> hits, String next, Facets facets, List<Expansion> expansions,
            List<EntityMatch> entities, Alternatives suggestions, String interpretedAs, String note) {
    }

    record EntityMatch(String id, String type, String name, String why) {
    }

    /** What to try when nothing was found (the API's {@code suggestions}). */
    record Alternatives(List<String> queries, List<String> hints) {
    }

    record Hit(String id, String title, String url, String publisher, String publishedAt, String language,
            String collection, Map<String, List<String>> highlights, List<Integer> textPages,
            List<EntityRef> entities) {
    }

    record EntityRef(String id, String type, String name) {
    }

    record Facets(List<EntityBucket> entities, List<Bucket> entityTypes, List<Bucket> publishers,
            List<Bucket> languages, List<Bucket> collections, List<Bucket> tags, List<DateBucket> dates) {
    }

    record Bucket(String value, long count) {
    }

    record EntityBucket(String id, String type, String name, long count) {
    }

    record DateBucket(String start, String interval, long count) {
    }

    record Expansion(String surface, String entityId, String type, String name, String rule) {
    }

    record Suggestions(List<Suggestion> entities) {
    }

    record Suggestion(String id, String type, String primaryName, String matchedName) {
    }

    record CoMentions(String entityId, long documents, List<CoMentioned> coMentioned) {
    }

    record CoMentioned(String id, String type, String name, long documents) {
    }

    record Document(String id, String collection, String title, List<String> authors, String text, String url,
            String publisher, String publishedAt, String language, List<String> tags, String createdAt,
            List<EntityRef> entities, List<Mention> mentions, List<Match> matches,
            List<PossibleMention> possibleMentions) {
    }

    /** A spelling the registry lacks that is possibly an entity's: shown apart, confirmed by an editor. */
    record PossibleMention(String entityId, String primaryName, String field, int start, int end, String surface,
            double score, String rule) {
    }

    /** A word the query looks for in the document's title or text. */
    record Match(String field, int start, int end) {
    }

    record Mention(String entityId, String field, int start, int end) {
    }

    record Similar(String documentId, List<Hit> hits) {
    }
}
