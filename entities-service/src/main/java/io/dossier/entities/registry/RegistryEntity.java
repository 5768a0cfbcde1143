package io.dossier.entities.registry;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An actor of the registry: a person, organization, location or event, with every name it goes by. */
@Entity
@Table(name = "entity")
public class RegistryEntity {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public EntityType type;
    public String primaryName;
    @Column(columnDefinition = "text")
    public String description;
    /** Free attributes after FollowTheMoney: birthDate, foundingDate, nationality, country... each with its values. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, List<String>> attributes = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "entity_external_id", joinColumns = @JoinColumn(name = "entity_id"))
    @BatchSize(size = 100)
    public Set<ExternalId> externalIds = new LinkedHashSet<>();
    /** Set once this entity was merged into another: its id then resolves to that one. */
    public UUID mergedInto;
    public String createdBy;
    public OffsetDateTime createdAt;
    public String updatedBy;
    public OffsetDateTime updatedAt;
    @Version
    public long version;
    @OneToMany(mappedBy = "entity", cascade = CascadeType.ALL, orphanRemoval = true)
    @BatchSize(size = 100) // a page of entities loads its names in a few queries, not one per entity
    @OrderBy("id")
    public List<EntityName> names = new ArrayList<>();
}
