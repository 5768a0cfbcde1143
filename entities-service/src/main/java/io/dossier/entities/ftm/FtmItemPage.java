package io.dossier.entities.ftm;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of an FtM import's items, in line order. */
public record FtmItemPage(List<FtmImport.Item> items,
        @Schema(description = "Pass as after for the next page; null on the last") Integer next) {
}
