package io.dossier.sources.source;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Several sources asked for at once by id, and those of them the caller may read. */
public final class SourceLookup {

    private SourceLookup() {
    }

    public record Request(
            @Schema(description = "Ids of sources, at most 500") @NotNull @Size(max = 500) List<@NotNull UUID> ids) {
    }

    public record Result(
            @Schema(description = "The sources asked for that exist and that the caller may read, in the order asked; "
                    + "the others are left out, without saying which or why") List<SourcePage.Summary> sources) {
    }
}
