package io.dossier.entities.relations;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A relation as a client writes it. */
public record RelationRequest(@NotNull UUID subjectId, @NotNull UUID objectId,
        @Schema(example = "MEMBER_OF") @NotNull RelationType type,
        @Schema(example = "2014-06") @Pattern(regexp = DATE, message = DATE_MESSAGE) String startDate,
        @Pattern(regexp = DATE, message = DATE_MESSAGE) String endDate,
        @Size(max = 100) List<@Valid @NotNull Citation> citations) {

    static final String DATE = "\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?";
    static final String DATE_MESSAGE = "must be an ISO date, possibly partial: 2014, 2014-06 or 2014-06-13";
}
