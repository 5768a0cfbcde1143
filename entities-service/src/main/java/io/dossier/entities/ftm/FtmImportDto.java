package io.dossier.entities.ftm;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An FtM import as the API shows it: where it stands and the counts so far. */
public record FtmImportDto(UUID id, FtmImportJob.Status status,
        @Schema(description = "Why it failed") String statusReason,
        @Schema(description = "ENTITIES: the first pass (people, organisations, places, events); RELATIONSHIPS: the second") FtmImportJob.Phase phase,
        @Schema(description = "Lines in the file") int totalLines,
        @Schema(description = "The last line done in the current pass") int line,
        @Schema(description = "Both passes together, 0 to 1") double progress,
        @Schema(description = "Entities created, possible twins included") int created,
        @Schema(description = "Of the created, those resembling an entity already there") int possibleTwins,
        int updated, int unchanged, int relationsCreated, int relationsUnchanged,
        @Schema(description = "Lines skipped, each with the reason in its item") int skipped, String createdBy,
        OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    static FtmImportDto of(FtmImportJob job) {
        double progress;
        if (job.status == FtmImportJob.Status.COMPLETED) {
            progress = 1;
        } else if (job.totalLines == 0) {
            progress = 0;
        } else {
            double pass = (double) job.cursorLine / job.totalLines;
            progress = job.phase == FtmImportJob.Phase.ENTITIES ? pass / 2 : 0.5 + pass / 2;
        }
        return new FtmImportDto(job.id, job.status, job.statusReason, job.phase, job.totalLines, job.cursorLine,
                progress, job.created, job.possibleTwins, job.updated, job.unchanged, job.relationsCreated,
                job.relationsUnchanged, job.skipped, job.createdBy, job.createdAt, job.startedAt, job.finishedAt);
    }
}
