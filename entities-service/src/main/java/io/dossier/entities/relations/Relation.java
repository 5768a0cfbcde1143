package io.dossier.entities.relations;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

/** A tie between two entities, with the sources that back it. */
@Entity
@Table(name = "relation")
public class Relation {

    @Id
    public UUID id;
    public UUID subjectId;
    public UUID objectId;
    @Enumerated(EnumType.STRING)
    public RelationType type;
    /** ISO date, possibly partial: 2014, 2014-06 or 2014-06-13. */
    public String startDate;
    public String endDate;
    @ElementCollection
    @CollectionTable(name = "relation_citation", joinColumns = @JoinColumn(name = "relation_id"))
    @BatchSize(size = 100)
    public List<Citation> citations = new ArrayList<>();
    public String createdBy;
    public OffsetDateTime createdAt;
    @Version
    public long version;

}
