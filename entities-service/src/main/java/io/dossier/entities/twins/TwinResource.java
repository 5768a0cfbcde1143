package io.dossier.entities.twins;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import io.dossier.entities.lookup.NameDirectory;
import io.dossier.entities.registry.EntityType;
import io.dossier.entities.registry.RegistryService;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/entities/duplicates")
@Tag(name = "Entities")
@Produces(MediaType.APPLICATION_JSON)
public class TwinResource {

    /** How long the first request waits for the first list before it is answered 503. */
    static final Duration FIRST_WAIT = Duration.ofSeconds(10);

    private final TwinList list;
    private final TwinDismissalRepository dismissals;
    private final NameDirectory directory;
    private final SecurityIdentity identity;
    private final RegistryService registry;

    public TwinResource(TwinList list, TwinDismissalRepository dismissals, NameDirectory directory,
            SecurityIdentity identity, RegistryService registry) {
        this.registry = registry;
        this.list = list;
        this.dismissals = dismissals;
        this.directory = directory;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("editor")
    @Operation(operationId = "listDuplicates", summary = "Likely twins in the registry", description = "Pairs of entities of one type with a name equal or close to one of the other's (the same actor entered twice: OFAC's KATA'IB HIZBALLAH beside Kataib Hezbollah, an Arabic-only entry beside its Latin twin), most alike first, each with the names that matched, the score and the rule. Pairs an editor dismissed as not the same are left out; the twins an editor confirms are merged with `POST /api/v1/entities/{id}/merge`. Computed in the background when the registry has changed since the last call (half a minute on the OFAC and UN lists): meanwhile the last list is answered with `current: false`, and the very first call is answered 503 if the list is not ready within 10 s.")
    @APIResponse(responseCode = "200", description = "A page of pairs", content = @Content(schema = @Schema(implementation = TwinPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The registry is still loading, or the first list of twins is being computed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TwinPage list(@QueryParam("type") EntityType type,
            @QueryParam("entity") @Parameter(description = "Only the pairs this entity is one of") UUID entity,
            @QueryParam("minScore") @DefaultValue("0.85") @DecimalMin("0.85") @DecimalMax("1") double minScore,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        directory.requireReady();
        TwinList.Computed computed = list.current(FIRST_WAIT);
        List<TwinPage.Twins> all = computed.twins();
        Set<TwinDismissal.Pair> dismissed = dismissals.pairs();
        List<TwinPage.Twins> kept = all.stream()
                .filter(t -> t.score() >= minScore && (type == null || type.name().equals(t.first().type()))
                        && (entity == null || entity.equals(t.first().entityId())
                                || entity.equals(t.second().entityId()))
                        && !dismissed.contains(TwinDismissal.Pair.of(t.first().entityId(), t.second().entityId())))
                .toList();
        int from = (int) Math.min((long) page * size, kept.size());
        return new TwinPage(kept.subList(from, Math.min(kept.size(), from + size)), page, size, kept.size(),
                computed.position(), computed.position() == directory.position());
    }

    @POST
    @Path("/dismissals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @Transactional
    @Operation(operationId = "dismissDuplicate", summary = "Say that two entities are not the same actor", description = "The pair is never listed as twins again (in either order). An id merged into another stands for the entity it was merged into. Saying it twice changes nothing.")
    @APIResponse(responseCode = "204", description = "Remembered")
    @APIResponse(responseCode = "400", description = "Invalid input, or one entity twice (the same id, or merged into the same entity)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entity", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void dismiss(@Valid @NotNull DismissalRequest request) {
        if (request.first().equals(request.second())) {
            throw new ProblemException(400, "An entity is always the same as itself: give two different entities");
        }
        // an id merged into another stands for the entity it was merged into, as everywhere in the registry
        UUID first = registry.resolve(request.first()).map(e -> e.id)
                .orElseThrow(() -> ProblemException.notFound("No entity " + request.first()));
        UUID second = registry.resolve(request.second()).map(e -> e.id)
                .orElseThrow(() -> ProblemException.notFound("No entity " + request.second()));
        if (first.equals(second)) {
            throw new ProblemException(400, "These two were merged into one entity already");
        }
        dismissals.remember(TwinDismissal.Pair.of(first, second), identity.getPrincipal().getName());
    }
}
