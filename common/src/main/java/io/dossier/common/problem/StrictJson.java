package io.dossier.common.problem;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON bodies with a key twice in one object are refused (400, like any malformed JSON): which value wins differs
 * between parsers, and with a record's constructor Jackson fails on it as if our own definition were wrong (the
 * fuzzing run found that as a 500).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
