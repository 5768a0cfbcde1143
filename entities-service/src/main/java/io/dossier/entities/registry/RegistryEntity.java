package io.dossier.entities.registry;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

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
    public OffsetDateTime createdAt;
    @Version
    public long version;
    @OneToMany(mappedBy = "entity", cascade = CascadeType.ALL, orphanRemoval = true)
    @BatchSize(size = 100) // a page of entities loads its names in a few queries, not one per entity
    @OrderBy("id")
    public List<EntityName> names = new ArrayList<>();
}
