package io.dossier.entities.ftm;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One FollowTheMoney entity, as a line of FtM JSON Lines: its id, its schema, and its properties, each a list of
 * strings. Other keys of the line (datasets, referents, caption …) are read past.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FtmEntity(String id, String schema, Map<String, List<String>> properties) {

    List<String> values(String property) {
        List<String> values = properties == null ? null : properties.get(property);
        return values == null ? List.of() : values;
    }

    String first(String property) {
        List<String> values = values(property);
        return values.isEmpty() ? null : values.get(0);
    }
}
