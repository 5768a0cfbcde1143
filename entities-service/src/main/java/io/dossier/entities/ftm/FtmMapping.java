package io.dossier.entities.ftm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.dossier.entities.registry.EntityDto;
import io.dossier.entities.registry.EntityType;
import io.dossier.entities.registry.ExternalId;
import io.dossier.entities.relations.RelationDto;
import io.dossier.entities.relations.RelationType;
import io.dossier.names.NameKind;

/**
 * How Dossier's registry and FollowTheMoney name the same things (the table is in the service's README). An entity
 * keeps its FtM id across systems: an entity imported from FtM is exported under that id; one made in Dossier under
 * {@code dossier-<uuid>}. What FtM cannot say (a name's language, abbreviation against weak alias, transliteration
 * against alias, attributes that are not FtM properties) is not exported; exporting, importing and exporting again
 * gives the same FtM.
 */
final class FtmMapping {

    static final String SCHEME = "ftm";
    static final String OWN = "dossier-";

    static final Map<EntityType, String> SCHEMA_OF = Map.of(EntityType.PERSON, "Person", EntityType.ORGANIZATION,
            "Organization", EntityType.LOCATION, "Address", EntityType.EVENT, "Event");
    static final Map<String, EntityType> TYPE_OF = Map.of("Person", EntityType.PERSON, "Organization",
            EntityType.ORGANIZATION, "Company", EntityType.ORGANIZATION, "LegalEntity", EntityType.ORGANIZATION,
            "PublicBody", EntityType.ORGANIZATION, "Address", EntityType.LOCATION, "Event", EntityType.EVENT);

    /** A relationship schema: its two ends (Dossier's subject first) and the relation type. */
    record Link(String schema, String subject, String object, RelationType type) {
    }

    static final List<Link> LINKS = List.of(
            new Link("Membership", "member", "organization", RelationType.MEMBER_OF),
            new Link("Directorship", "director", "organization", RelationType.LEADER_OF),
            new Link("Associate", "person", "associate", RelationType.ASSOCIATE_OF),
            new Link("Employment", "employee", "employer", RelationType.MEMBER_OF),
            new Link("Family", "person", "relative", RelationType.ASSOCIATE_OF),
            new Link("Ownership", "asset", "owner", RelationType.PART_OF),
            new Link("UnknownLink", "subject", "object", null));

    /**
     * The FtM properties kept as attributes when an entity has them (camelCase, as FtM spells them). Names,
     * description, keywords and wikidataId have their own places; other properties are not kept.
     */
    static final Set<String> ATTRIBUTES = Set.of("country", "nationality", "citizenship", "jurisdiction",
            "birthDate", "birthPlace", "deathDate", "gender", "position", "religion", "political", "education",
            "incorporationDate", "dissolutionDate", "legalForm", "sector", "classification", "status", "website",
            "email", "phone", "notes", "summary", "topics", "program", "sourceUrl", "startDate", "endDate", "date",
            "full", "city", "region", "postalCode", "street");

    private FtmMapping() {
    }

    /** The FtM id of an entity: the one it came with, or its own. */
    static String idOf(EntityDto entity) {
        for (ExternalId id : entity.externalIds()) {
            if (id.scheme().equals(SCHEME)) {
                return id.value();
            }
        }
        return OWN + entity.id();
    }

    /** Dossier's own entity an FtM id names, if it is one of the form {@code dossier-<uuid>}. */
    static UUID ownId(String ftmId) {
        if (ftmId == null || !ftmId.startsWith(OWN)) {
            return null;
        }
        try {
            return UUID.fromString(ftmId.substring(OWN.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static FtmEntity toFtm(EntityDto entity) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        put(p, "name", entity.primaryName());
        for (EntityDto.NameDto name : entity.names()) {
            if (name.value().equals(entity.primaryName()) && name.kind() == NameKind.PRIMARY) {
                continue;
            }
            put(p, propertyOf(name.kind()), name.value());
        }
        put(p, "description", entity.description());
        entity.tags().forEach(tag -> put(p, "keywords", tag));
        entity.externalIds().stream().filter(id -> id.scheme().equals("wikidata"))
                .forEach(id -> put(p, "wikidataId", id.value()));
        entity.attributes().getOrDefault("wikidataId", List.of()).forEach(q -> put(p, "wikidataId", q));
        entity.attributes().forEach((key, values) -> {
            if (ATTRIBUTES.contains(key)) {
                values.forEach(v -> put(p, key, v));
            }
        });
        return new FtmEntity(idOf(entity), SCHEMA_OF.get(entity.type()), sorted(p));
    }

    /** A relation between two exported entities, with the FtM ids of its ends. */
    static FtmEntity toFtm(RelationDto relation, String subject, String object, EntityType subjectType,
            EntityType objectType) {
        Link link = switch (relation.type()) {
            case MEMBER_OF -> link("Membership");
            case LEADER_OF -> link("Directorship");
            case ASSOCIATE_OF -> subjectType == EntityType.PERSON && objectType == EntityType.PERSON
                    ? link("Associate")
                    : link("UnknownLink");
            default -> link("UnknownLink");
        };
        Map<String, List<String>> p = new LinkedHashMap<>();
        put(p, link.subject(), subject);
        put(p, link.object(), object);
        if (link.type() == null) {
            put(p, "role", words(relation.type()));
        }
        put(p, "startDate", relation.startDate());
        put(p, "endDate", relation.endDate());
        return new FtmEntity(OWN + relation.id(), link.schema(), sorted(p));
    }

    /** The FtM property a name of this kind is written to (the primary name aside). */
    static String propertyOf(NameKind kind) {
        return switch (kind) {
            case PRIMARY, ALIAS, TRANSLITERATION -> "alias";
            case WEAK_ALIAS, ABBREVIATION -> "weakAlias";
            case FORMER -> "previousName";
        };
    }

    /** Whether FtM tells the two kinds apart (an abbreviation and a weak alias it does not). */
    static boolean sameFtmKind(NameKind a, NameKind b) {
        return propertyOf(a).equals(propertyOf(b));
    }

    /** The relation type an UnknownLink's role names ("part of", "allied with"), or ASSOCIATE_OF. */
    static RelationType typeOfRole(String role) {
        if (role != null) {
            for (RelationType type : RelationType.values()) {
                if (words(type).equalsIgnoreCase(role.strip())) {
                    return type;
                }
            }
        }
        return RelationType.ASSOCIATE_OF;
    }

    static String words(RelationType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static Link link(String schema) {
        for (Link link : LINKS) {
            if (link.schema().equals(schema)) {
                return link;
            }
        }
        return null;
    }

    private static void put(Map<String, List<String>> properties, String property, String value) {
        if (value != null && !value.isBlank()) {
            properties.computeIfAbsent(property, k -> new ArrayList<>()).add(value);
        }
    }

    /** Properties in name order, each list without repeats, so that equal entities write equal lines. */
    private static Map<String, List<String>> sorted(Map<String, List<String>> properties) {
        Map<String, List<String>> sorted = new LinkedHashMap<>();
        properties.keySet().stream().sorted()
                .forEach(k -> sorted.put(k, List.copyOf(new LinkedHashSet<>(properties.get(k)))));
        return sorted;
    }
}
