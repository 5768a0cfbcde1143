package io.dossier.search.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.Problem;
import io.dossier.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/search")
@Tag(name = "Search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    /** Elasticsearch's result window: deeper pages need the cursor. */
    static final int MAX_WINDOW = 10_000;

    private final SearchService search;
    private final SecurityIdentity identity;

    public SearchResource(SearchService search, SecurityIdentity identity) {
        this.search = search;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("reader")
    @Operation(operationId = "search", summary = "Full-text search over the sources the caller may read", description = "Query syntax: words (all required), AND / OR / NOT, +word, -word, \"phrases\" (\"…\"~N), prefix*, fuzzy~, word^2, (groups), and title:, text:, note:, publisher:, language:, tag:, collection:. Words are looked for in the title, the text and the analysts' notes on a document (`highlights.notes`); `note:` in the notes alone. Each word finds every form of itself (stems in English, Arabic and Persian: attack, attacks, attacked; هجمات, الهجمات), the form as written first; case, diacritics, apostrophes and Arabic letter forms are folded; a query that names a registry entity also finds the documents linked to it under any of its names (listed in `expansions`). `exact=true` keeps the words as written: no stems, no aliases. Whatever is typed is searched: text that is not valid syntax is read as words, and `interpretedAs` says how the query was read (`syntax=strict` refuses it instead, with where it broke). Pages: `from` up to 10,000 hits, or the `next` cursor of each page, without limit.")
    @APIResponse(responseCode = "200", description = "Hits with highlighted snippets, the total, facets and the expansions applied", content = @Content(schema = @Schema(implementation = SearchResults.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters, or with syntax=strict a query that is not valid syntax (with the column where it broke)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch is unreachable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchResults search(
            @Parameter(description = "The query", example = "Kataib Hezbollah") @QueryParam("q") @NotBlank(message = "give something to search") @Size(max = 1000, message = "a search can be at most 1,000 characters long") String q,
            @Parameter(description = "The words as written: no stems, no alias expansion") @QueryParam("exact") @DefaultValue("false") boolean exact,
            @Parameter(description = "lenient (default): any text is searched, what is not valid syntax as words; strict: a 400 for it") @QueryParam("syntax") @DefaultValue("lenient") @Pattern(regexp = "lenient|strict", message = "must be lenient or strict") String syntax,
            @Parameter(description = "Only documents linked to every one of these entities") @QueryParam("entity") @Size(max = 20) List<@Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be an entity id") String> entity,
            @Parameter(description = "Only documents linked to an entity of one of these types") @QueryParam("type") @Size(max = 20) List<@Size(max = 64) String> type,
            @QueryParam("publisher") @Size(max = 20) List<@Size(max = 300) String> publisher,
            @QueryParam("language") @Size(max = 20) List<@Size(max = 16) String> language,
            @QueryParam("collection") @Size(max = 20) List<@Size(max = 64) String> collection,
            @QueryParam("tag") @Size(max = 20) List<@Size(max = 64) String> tag,
            @Parameter(description = "Published on or after (YYYY-MM-DD)") @QueryParam("publishedFrom") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date YYYY-MM-DD") String publishedFrom,
            @Parameter(description = "Published on or before (YYYY-MM-DD)") @QueryParam("publishedTo") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date YYYY-MM-DD") String publishedTo,
            @Parameter(description = "relevance (default) or date (newest first)") @QueryParam("sort") @DefaultValue("relevance") @Pattern(regexp = "relevance|date", message = "must be relevance or date") String sort,
            @Parameter(description = "Bars of the date histogram: year, quarter, month (default), week or day") @QueryParam("dateInterval") @DefaultValue("month") @Pattern(regexp = "year|quarter|month|week|day", message = "must be year, quarter, month, week or day") String dateInterval,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") @Size(max = 2000) String cursor,
            @QueryParam("from") @DefaultValue("0") @Min(0) @Max(9_980) int from,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        if (from + size > MAX_WINDOW) {
            throw new ProblemException(400,
                    "from + size must not exceed " + MAX_WINDOW + "; page deeper with the cursor");
        }
        if (cursor != null && from > 0) {
            throw new ProblemException(400, "from and cursor cannot be used together");
        }
        return search.search(
                new SearchParams(q, exact, "strict".equals(syntax), orEmpty(entity), orEmpty(type), orEmpty(publisher),
                        orEmpty(language), orEmpty(collection), orEmpty(tag), date(publishedFrom, "publishedFrom"),
                        date(publishedTo, "publishedTo"), sort,
                        Character.toUpperCase(dateInterval.charAt(0)) + dateInterval.substring(1), cursor, from, size),
                identity);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static LocalDate date(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, name + " is not a date: " + value);
        }
    }
}
