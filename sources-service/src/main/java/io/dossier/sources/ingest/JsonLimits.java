package io.dossier.sources.ingest;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Caps the JSON documents the service parses. The HTTP layer lets bodies up to the import limit through (for
 * archives), so a JSON body is bounded here, before Jackson builds it in memory: a source's text is at most 5 million
 * characters, 20 MB in UTF-8.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    static final long MAX_JSON_BYTES = 32L << 20;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(MAX_JSON_BYTES)
                .maxStringLength(25_000_000)
                .build());
    }
}
