package io.dossier.sources.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job as the API shows it. */
public record ImportJobDto(UUID id, ImportFormat format, String collection,
        @Schema(description = "The collections it stored sources in or found duplicates in, so far") List<String> written,
        List<String> tags, ImportStatus status,
        String statusReason,
        @Schema(description = "Items in the input; null until counted") Integer total,
        int processed, int created, int duplicates, int failed,
        @Schema(description = "processed / total, 0 to 1") double progress,
        String createdBy, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    static ImportJobDto of(ImportJob job) {
        double progress = job.total == null || job.total == 0
                ? (job.status == ImportStatus.COMPLETED ? 1 : 0)
                : (double) job.processed / job.total;
        return new ImportJobDto(job.id, job.format, job.collection, List.copyOf(job.written), List.copyOf(job.tags),
                job.status,
                job.statusReason, job.total, job.processed, job.created, job.duplicates, job.failed, progress,
                job.createdBy, job.createdAt, job.startedAt, job.finishedAt);
    }
}
