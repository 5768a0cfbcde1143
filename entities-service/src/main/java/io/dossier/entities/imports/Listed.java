package io.dossier.entities.imports;

import java.util.List;

import io.dossier.entities.registry.EntityRequest;

/** An entity read from a list, with the names of the entries it is linked to there. */
record Listed(EntityRequest entity, List<String> linkedTo) {
}
