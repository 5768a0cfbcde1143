package io.dossier.common.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class StrictJsonTest {

    record Dated(OffsetDateTime publishedAt) {
    }

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void datesAsTextOrAsSecondsInRangeAreRead() throws Exception {
        ObjectMapper json = mapper();
        assertThat(json.readValue("{\"publishedAt\":\"2025-03-14T09:00:00Z\"}", Dated.class).publishedAt())
                .isEqualTo(OffsetDateTime.parse("2025-03-14T09:00:00Z"));
        assertThat(json.readValue("{\"publishedAt\":1741942800}", Dated.class).publishedAt().toInstant())
                .isEqualTo(OffsetDateTime.parse("2025-03-14T09:00:00Z").toInstant());
        assertThat(json.readValue("{\"publishedAt\":1741942800.5}", Dated.class).publishedAt().getNano())
                .isEqualTo(500_000_000);
        assertThat(json.readValue("{\"publishedAt\":253402300799}", Dated.class).publishedAt().getYear())
                .isEqualTo(9999);
    }

    @Test
    void secondsNoDateCanHoldAreRefusedNotReadAs1970() {
        ObjectMapper json = mapper();
        for (String value : new String[]{"1e300", "-1e300", "1e999999", "253402300800", "-62135596801",
                "99999999999999999999999999"}) {
            assertThatThrownBy(() -> json.readValue("{\"publishedAt\":" + value + "}", Dated.class))
                    .as(value).isInstanceOf(InvalidFormatException.class).hasMessageContaining("years 1 to 9999");
        }
    }

    @Test
    void aKeyTwiceIsRefused() {
        assertThatThrownBy(() -> mapper().readValue("{\"publishedAt\":null,\"publishedAt\":null}", Dated.class))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class)
                .isNotInstanceOf(MismatchedInputException.class).hasMessageContaining("Duplicate field");
    }
}
