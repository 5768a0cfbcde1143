package io.dossier.sources.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The size a WebP file declares, read from each of its three header forms (RFC 9649). */
class WebpHeaderTest {

    /** RIFF, size, WEBP, then one chunk: its four-character code and {@code payload} (padded to 30 bytes). */
    static byte[] webp(String chunk, byte... payload) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(30, 20 + payload.length)).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(b.capacity() - 8)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(chunk.getBytes(StandardCharsets.US_ASCII))
                .putInt(payload.length).put(payload);
        return b.array();
    }

    @Test
    void extendedLosslessAndLossyHeadersGiveTheirSizes() {
        // VP8X: 4 bytes of flags, then width - 1 and height - 1 in 24 bits each: 100,000 × 100,000
        int side = 100_000 - 1;
        byte[] extended = webp("VP8X", new byte[]{0, 0, 0, 0, (byte) side, (byte) (side >> 8), (byte) (side >> 16),
                (byte) side, (byte) (side >> 8), (byte) (side >> 16)});
        assertThat(WebpHeader.size(extended)).containsExactly(100_000, 100_000);
        // VP8L: signature 0x2f, then 14 bits of width - 1 and 14 of height - 1: 640 × 480
        int bits = (640 - 1) | (480 - 1) << 14;
        byte[] lossless = webp("VP8L", new byte[]{0x2f, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16),
                (byte) (bits >> 24)});
        assertThat(WebpHeader.size(lossless)).containsExactly(640, 480);
        // VP8: a frame tag of 3 bytes, the start code 9d 01 2a, then 14 bits of width and of height: 1240 × 1754
        byte[] lossy = webp("VP8 ", new byte[]{0, 0, 0, (byte) 0x9d, 0x01, 0x2a, (byte) 1240, (byte) (1240 >> 8),
                (byte) 1754, (byte) (1754 >> 8)});
        assertThat(WebpHeader.size(lossy)).containsExactly(1240, 1754);
    }

    @Test
    void anythingElseIsNoHeader() {
        assertThat(WebpHeader.size(new byte[10])).isNull();
        assertThat(WebpHeader.size(webp("VP8L", new byte[]{0x11, 0, 0, 0, 0}))).as("bad signature").isNull();
        assertThat(WebpHeader.size(webp("VP8 ", new byte[]{0, 0, 0, 1, 2, 3, 0, 0, 0, 0}))).as("no start code")
                .isNull();
        assertThat(WebpHeader.size(webp("ALPH", new byte[4]))).isNull();
    }
}
