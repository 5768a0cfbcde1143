package io.dossier.sources.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZipItemsTest {

    @ParameterizedTest
    @CsvSource({"../evil.txt, true", "a/../../evil.txt, true", "/etc/passwd, true", "C:/Windows/win.ini, true",
            "..\\evil.txt, true", "briefs/a.txt, false", "a..b.txt, false", "briefs/..hidden, false"})
    void pathsThatLeaveTheArchive(String name, boolean escapes) {
        assertThat(ZipItems.escapes(name)).isEqualTo(escapes);
    }
}
