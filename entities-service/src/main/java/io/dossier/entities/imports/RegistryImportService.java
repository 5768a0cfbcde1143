package io.dossier.entities.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.entities.registry.ExternalId;
import io.dossier.entities.registry.RegistryService;
import io.dossier.entities.registry.RegistryService.Upserted;
import io.dossier.entities.relations.Citation;
import io.dossier.entities.relations.RelationRepository;
import io.dossier.entities.relations.RelationRequest;
import io.dossier.entities.relations.RelationService;
import io.dossier.entities.relations.RelationType;
import io.quarkus.logging.Log;

/** Loads lists into the registry in batches, keyed on external ids, then ties the entries the lists relate. */
@ApplicationScoped
public class RegistryImportService {

    static final int BATCH = 200;

    private final RegistryService registry;
    private final RelationService relationService;
    private final RelationRepository relations;

    public RegistryImportService(RegistryService registry, RelationService relationService,
            RelationRepository relations) {
        this.registry = registry;
        this.relationService = relationService;
        this.relations = relations;
    }

    /** A tie to make once every entity is in: subject and object by their keys. */
    record Tie(ExternalId subject, ExternalId object, RelationType type, String startDate, String endDate,
            List<Citation> citations) {
    }

    ImportSummary load(String format, List<Listed> listed, int skipped, List<Tie> ties, String user) {
        long started = System.nanoTime();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (int from = 0; from < listed.size(); from += BATCH) {
            var batch = listed.subList(from, Math.min(listed.size(), from + BATCH)).stream().map(Listed::entity)
                    .toList();
            for (Upserted outcome : registry.upsert(batch, user).values()) {
                switch (outcome) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            }
        }
        long upserted = System.nanoTime();
        List<Tie> all = new ArrayList<>(ties);
        all.addAll(linkedByName(listed));
        int tied = 0;
        for (Tie tie : all) {
            tied += tie(tie, user) ? 1 : 0;
        }
        Log.infof("Import %s: %d entries in %d ms, %d ties in %d ms", format, listed.size(),
                (upserted - started) / 1_000_000, all.size(), (System.nanoTime() - upserted) / 1_000_000);
        return new ImportSummary(format, listed.size(), created, updated, unchanged, skipped, tied);
    }

    /** "Linked To: NAME" in a list's remarks, resolved against the primary names of the same list. */
    private static List<Tie> linkedByName(List<Listed> listed) {
        Map<String, ExternalId> byName = new HashMap<>();
        listed.forEach(
                l -> byName.putIfAbsent(l.entity().primaryName().toUpperCase(), l.entity().externalIds().get(0)));
        List<Tie> ties = new ArrayList<>();
        for (Listed l : listed) {
            for (String name : l.linkedTo()) {
                ExternalId target = byName.get(name.toUpperCase());
                if (target != null) {
                    ties.add(new Tie(l.entity().externalIds().get(0), target, RelationType.ASSOCIATE_OF, null, null,
                            List.of()));
                }
            }
        }
        return ties;
    }

    /** Makes a relation unless one of that type already ties the two; false when it was there or cannot be made. */
    boolean tie(Tie tie, String user) {
        Optional<UUID> subject = registry.byExternalId(tie.subject()).map(e -> e.id);
        Optional<UUID> object = registry.byExternalId(tie.object()).map(e -> e.id);
        if (subject.isEmpty() || object.isEmpty() || subject.get().equals(object.get())) {
            return false;
        }
        if (relations.count("subjectId = ?1 and objectId = ?2 and type = ?3", subject.get(), object.get(),
                tie.type()) > 0) {
            return false;
        }
        relationService.create(new RelationRequest(subject.get(), object.get(), tie.type(), tie.startDate(),
                tie.endDate(), tie.citations()), user);
        return true;
    }

}
