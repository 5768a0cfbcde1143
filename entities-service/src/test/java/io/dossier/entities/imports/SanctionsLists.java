package io.dossier.entities.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.dossier.entities.registry.EntityRequest;

/** The OFAC SDN and UN consolidated lists of ../shared/corpus/sanctions, read as the import endpoints read them. */
public final class SanctionsLists {

    private SanctionsLists() {
    }

    /** Every entry of both lists, OFAC first. */
    public static List<EntityRequest> read(Path sanctions) throws IOException {
        List<EntityRequest> out = new ArrayList<>();
        try (Reader sdn = Files.newBufferedReader(sanctions.resolve("ofac_sdn.csv"), StandardCharsets.UTF_8);
                Reader alt = Files.newBufferedReader(sanctions.resolve("ofac_alt.csv"), StandardCharsets.UTF_8)) {
            OfacReader.read(sdn, alt).entities().forEach(l -> out.add(l.entity()));
        }
        try (InputStream xml = Files.newInputStream(sanctions.resolve("UN_consolidated.xml"))) {
            UnReader.read(xml).forEach(l -> out.add(l.entity()));
        }
        return out;
    }
}
