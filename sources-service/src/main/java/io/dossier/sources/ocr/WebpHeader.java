package io.dossier.sources.ocr;

/**
 * The size a WebP image declares, read from its header (the JDK has no WebP reader; Tesseract's Leptonica decodes
 * it): lossy ({@code VP8 }), lossless ({@code VP8L}) and extended ({@code VP8X}) files.
 */
final class WebpHeader {

    private WebpHeader() {
    }

    /** {width, height}, or null when the bytes are not a WebP header. */
    static int[] size(byte[] b) {
        if (b.length < 30 || !ascii(b, 0, "RIFF") || !ascii(b, 8, "WEBP")) {
            return null;
        }
        if (ascii(b, 12, "VP8X")) {
            // canvas width - 1 and height - 1, 24 bits little-endian each, after 4 bytes of flags
            int w = 1 + (u(b, 24) | u(b, 25) << 8 | u(b, 26) << 16);
            int h = 1 + (u(b, 27) | u(b, 28) << 8 | u(b, 29) << 16);
            return new int[]{w, h};
        }
        if (ascii(b, 12, "VP8L")) {
            // signature 0x2f, then 14 bits of width - 1 and 14 bits of height - 1
            if (u(b, 20) != 0x2f) {
                return null;
            }
            int bits = u(b, 21) | u(b, 22) << 8 | u(b, 23) << 16 | u(b, 24) << 24;
            return new int[]{1 + (bits & 0x3fff), 1 + (bits >>> 14 & 0x3fff)};
        }
        if (ascii(b, 12, "VP8 ")) {
            // a key frame: start code 9d 01 2a, then 14 bits of width and of height (2 bits of scale each)
            if (u(b, 23) != 0x9d || u(b, 24) != 0x01 || u(b, 25) != 0x2a) {
                return null;
            }
            return new int[]{(u(b, 26) | u(b, 27) << 8) & 0x3fff, (u(b, 28) | u(b, 29) << 8) & 0x3fff};
        }
        return null;
    }

    private static boolean ascii(byte[] b, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u(byte[] b, int at) {
        return b[at] & 0xff;
    }
}
