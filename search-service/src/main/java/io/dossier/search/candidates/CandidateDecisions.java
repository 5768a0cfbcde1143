package io.dossier.search.candidates;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.dossier.common.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Editors' decisions on candidates. Accepting writes to the registry with the editor's token (a new entity, or a new
 * name of one), and the re-linking that follows every registry change links the past documents; rejecting is
 * remembered, so the name is never proposed again.
 */
@ApplicationScoped
public class CandidateDecisions {

    private final CandidateDecisionRepository decisions;
    private final RegistryWrites registry;

    public CandidateDecisions(CandidateDecisionRepository decisions, @RestClient RegistryWrites registry) {
        this.decisions = decisions;
        this.registry = registry;
    }

    @Transactional
    public DecisionResult reject(DecisionRequest request, String editor) {
        return DecisionResult.of(record(request.key(), CandidateDecision.Kind.REJECTED, null, editor));
    }

    /**
     * Writes the name to the registry first (outside a transaction: no connection held over the call): a refused
     * write leaves the candidate in the queue, undecided.
     */
    public DecisionResult accept(DecisionRequest request, String editor, String token) {
        CandidateDecision earlier = QuarkusTransaction.requiringNew().call(() -> decisions.findById(request.key()));
        if (earlier != null && earlier.decision == CandidateDecision.Kind.ACCEPTED) {
            throw alreadyAccepted(earlier);
        }
        String lang = arabicScript(request.name()) ? "ar" : null;
        RegistryWrites.NewName name = new RegistryWrites.NewName(request.name(), lang, "ALIAS");
        String authorization = "Bearer " + token;
        UUID entityId;
        try {
            if (request.entityId() == null) {
                Map<String, Object> created = registry.create(authorization, new RegistryWrites.NewEntity(
                        request.type(), request.name(), List.of(new RegistryWrites.NewName(request.name(), lang,
                                "PRIMARY")),
                        List.of()));
                entityId = UUID.fromString(String.valueOf(created.get("id")));
            } else {
                registry.addName(authorization, request.entityId(), name);
                entityId = UUID.fromString(request.entityId());
            }
        } catch (WebApplicationException e) {
            throw refused(e);
        } catch (ProcessingException e) {
            Log.warnf("accepting a candidate: the entities service is unreachable: %s", e.getMessage());
            throw new ProblemException(503, "The registry is unavailable right now; the name was not added");
        }
        UUID accepted = entityId;
        try {
            return DecisionResult.of(QuarkusTransaction.requiringNew()
                    .call(() -> record(request.key(), CandidateDecision.Kind.ACCEPTED, accepted, editor)));
        } catch (RuntimeException e) {
            // another editor's acceptance of the same name committed first (both wrote the registry)
            CandidateDecision first = QuarkusTransaction.requiringNew().call(() -> decisions.findById(request.key()));
            if (first != null && first.decision == CandidateDecision.Kind.ACCEPTED) {
                throw alreadyAccepted(first);
            }
            throw e;
        }
    }

    private static ProblemException alreadyAccepted(CandidateDecision d) {
        return new ProblemException(409, "This name was accepted already, by " + d.decidedBy + " at " + d.decidedAt
                + " (entity " + d.entityId + ")");
    }

    private CandidateDecision record(String key, CandidateDecision.Kind kind, UUID entityId, String editor) {
        CandidateDecision d = decisions.findById(key);
        if (d == null) {
            d = new CandidateDecision();
            d.key = key;
        }
        d.decision = kind;
        d.entityId = entityId;
        d.decidedBy = editor;
        d.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        decisions.persist(d);
        return d;
    }

    /** The registry's refusal, in its own words where it gave them (a 4xx); its failure as unavailable. */
    private static ProblemException refused(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 401 || status == 403) {
            return new ProblemException(403, "Only editors may add names to the registry");
        }
        if (status >= 400 && status < 500) {
            String detail = null;
            try {
                Object body = e.getResponse().readEntity(Map.class).get("detail");
                detail = body == null ? null : body.toString();
            } catch (RuntimeException unreadable) {
                // no problem body: the status alone
            }
            return new ProblemException(status == 404 ? 404 : status == 409 ? 409 : 400,
                    "The registry refused the name: " + (detail == null ? "status " + status : detail));
        }
        Log.warnf("accepting a candidate: the entities service answered %d", status);
        return new ProblemException(503, "The registry is unavailable right now; the name was not added");
    }

    private static boolean arabicScript(String name) {
        return name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    }
}
