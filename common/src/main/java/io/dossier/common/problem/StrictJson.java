package io.dossier.common.problem;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Stricter JSON than Jackson's defaults, in every service:
 * <ul>
 * <li>a key twice in one object is refused (400, like any malformed JSON): which value wins differs between parsers,
 * and with a record's constructor Jackson fails on it as if our own definition were wrong (the fuzzing run found
 * that as a 500);</li>
 * <li>a date given as a number of seconds must be one: Jackson reads a number too large for any date (such as
 * {@code 1e300}) as 1970-01-01, which would be stored without a word. Numbers past the years 1-9999 are refused
 * (400) instead.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Seconds since 1970 of 9999-12-31T23:59:59Z and of 0001-01-01T00:00:00Z. */
    static final BigDecimal LATEST = BigDecimal.valueOf(253_402_300_799L);
    static final BigDecimal EARLIEST = BigDecimal.valueOf(-62_135_596_800L);

    /** After Quarkus' own customizers, which register the Java time module: ours must come later to take over. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("dossier-dates").addDeserializer(OffsetDateTime.class,
                new EpochInRange()));
    }

    /** Jackson's own reading of dates, after a check that a number is a second of a storable date. */
    static final class EpochInRange extends StdDeserializer<OffsetDateTime> {

        EpochInRange() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                BigDecimal seconds = parser.getDecimalValue();
                if (seconds.compareTo(LATEST) > 0 || seconds.compareTo(EARLIEST) < 0) {
                    return (OffsetDateTime) context.handleWeirdNumberValue(OffsetDateTime.class,
                            parser.getNumberValue(), "seconds since 1970 outside the years 1 to 9999");
                }
            }
            return InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
        }
    }
}
