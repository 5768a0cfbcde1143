package io.dossier.sources.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextDecodingTest {

    @Test
    void utf8WithOrWithoutBom() {
        String text = "Kata'ib Hizballah — كتائب حزب الله";
        assertThat(TextDecoding.decode(text.getBytes(StandardCharsets.UTF_8), false)).isEqualTo(text);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(TextDecoding.decode(withBom, false)).isEqualTo(text);
    }

    @Test
    void legacyEncodingsAreRecognized() {
        String french = "Le communiqué évoque la frontière et le café où la réunion a eu lieu, selon des élus.";
        assertThat(TextDecoding.decode(french.getBytes(StandardCharsets.ISO_8859_1), false)).isEqualTo(french);
        String arabic = "أعلنت الفصائل المسلحة في العراق وقف الهجمات على القواعد الأمريكية حتى إشعار آخر";
        assertThat(TextDecoding.decode(arabic.getBytes(Charset.forName("windows-1256")), false)).isEqualTo(arabic);
    }

    @Test
    void htmlCharsetDeclarationWins() {
        String page = "<html><head><meta charset=\"windows-1252\"></head><body>café</body></html>";
        assertThat(TextDecoding.decode(page.getBytes(Charset.forName("windows-1252")), true)).contains("café");
    }

    @Test
    void controlCharactersAndNulAreDropped() {
        assertThat(TextDecoding.clean("a\u0000b\u0007c\td\ne")).isEqualTo("abc\td\ne");
    }

    @Test
    void brokenUtf8KeepsWhatDecodes() {
        byte[] mostlyUtf8 = "Statement of the brigade on the border crossing near the river. ".repeat(5)
                .getBytes(StandardCharsets.UTF_8);
        mostlyUtf8[10] = (byte) 0xC3; // a lone lead byte
        String decoded = TextDecoding.decode(mostlyUtf8, false);
        assertThat(decoded).contains("border crossing near the river");
    }
}
