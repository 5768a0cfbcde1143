package io.dossier.entities.registry;

public enum EntityType {
    PERSON, ORGANIZATION, LOCATION, EVENT
}
