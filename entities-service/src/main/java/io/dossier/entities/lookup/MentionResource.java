package io.dossier.entities.lookup;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.Problem;
import io.dossier.names.discovery.NameSpotter;
import io.dossier.names.linking.MentionLinker;
import io.micrometer.core.annotation.Timed;

@Path("/api/v1/mentions")
@Tag(name = "Mentions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MentionResource {

    /** Distinct names of one text the matcher is asked about, at most. */
    static final int POSSIBLE_LOOKUPS = 500;

    private final NameDirectory directory;
    private final PossibleMentions possible;

    public MentionResource(NameDirectory directory, PossibleMentions possible) {
        this.directory = directory;
        this.possible = possible;
    }

    @POST
    @RolesAllowed("reader")
    @Operation(operationId = "linkText", summary = "Link a text to the entities it mentions", description = "Every name of every entity in one pass; whole words only, the longest match wins; abbreviations and weak aliases only where the text supports them. With `spot`, also the names of people, organisations and places that no registered name covers (`names`: what the candidates queue is made of). `registrySeq` is the registry change feed sequence the linking reflects: a change at or before it is taken into account.")
    @APIResponse(responseCode = "200", description = "Mentions in text order", content = @Content(schema = @Schema(implementation = MentionResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The registry is still loading", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Timed(value = "dossier.linking", description = "Mention linking of texts against the registry", extraTags = {
            "call", "one"})
    public MentionResult mentions(@Valid @NotNull MentionRequest request) {
        directory.requireReady();
        long registrySeq = directory.linkerSeq(); // read before the linker: the linker is at least this recent
        List<MentionResult.Mention> mentions = link(directory.linker(), request.text());
        return new MentionResult(mentions, registrySeq,
                Boolean.TRUE.equals(request.spot()) ? spot(request.text(), mentions) : null);
    }

    @POST
    @Path("/batch")
    @RolesAllowed("reader")
    @Operation(operationId = "linkTexts", summary = "Link several texts in one call", description = "As `POST /api/v1/mentions` for each text (up to 100), all with the same registry: one call, one token check, for an indexer's page of documents.")
    @APIResponse(responseCode = "200", description = "Each text's mentions, in the order sent", content = @Content(schema = @Schema(implementation = MentionBatchResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The registry is still loading", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Timed(value = "dossier.linking", description = "Mention linking of texts against the registry", extraTags = {
            "call", "batch"})
    public MentionBatchResult mentionsBatch(@Valid @NotNull MentionBatchRequest request) {
        directory.requireReady();
        long registrySeq = directory.linkerSeq();
        MentionLinker linker = directory.linker(); // one registry for the whole batch
        boolean spot = Boolean.TRUE.equals(request.spot());
        return new MentionBatchResult(request.texts().stream().map(text -> {
            List<MentionResult.Mention> mentions = link(linker, text);
            return new MentionBatchResult.Linked(mentions, spot ? spot(text, mentions) : null);
        }).toList(), registrySeq);
    }

    /**
     * The names in a text that none of its mentions covers, each with the entity it is possibly another spelling of
     * (docs/decisions.md #37).
     */
    private List<MentionResult.Name> spot(String text, List<MentionResult.Mention> mentions) {
        int[] linked = new int[mentions.size() * 2];
        for (int i = 0; i < mentions.size(); i++) {
            linked[2 * i] = mentions.get(i).start();
            linked[2 * i + 1] = mentions.get(i).end();
        }
        java.util.Set<String> asked = new java.util.HashSet<>();
        return NameSpotter.spot(text, linked).stream().map(s -> {
            // the matcher asked about a bounded number of distinct names per text
            boolean ask = asked.contains(s.key()) || asked.size() < POSSIBLE_LOOKUPS && asked.add(s.key());
            return new MentionResult.Name(s.name(), s.type().name(), s.start(), s.end(),
                    ask ? possible.of(s).orElse(null) : null);
        }).toList();
    }

    private List<MentionResult.Mention> link(MentionLinker linker, String text) {
        return linker.link(text).stream().map(m -> {
            NameDirectory.Known known = directory.entity(m.entityId());
            return new MentionResult.Mention(m.entityId(), known == null ? null : known.type(),
                    known == null ? null : known.primaryName(), m.start(), m.end(), m.surface(), m.name());
        }).toList();
    }
}
