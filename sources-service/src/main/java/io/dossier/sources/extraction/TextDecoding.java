package io.dossier.sources.extraction;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Turns bytes of unknown encoding into text: a byte-order mark or an HTML charset declaration if there is one, else
 * strict UTF-8, else the statistically most likely charset. Nothing is thrown: bytes that fit no guess become
 * U+FFFD, and NUL characters (which PostgreSQL text cannot hold) are dropped.
 */
public final class TextDecoding {

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    public static String decode(byte[] bytes, boolean html) {
        return clean(decodeRaw(bytes, html));
    }

    private static String decodeRaw(byte[] bytes, boolean html) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (html) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher declared = META_CHARSET.matcher(head);
            if (declared.find()) {
                Charset charset = charset(declared.group(1));
                if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
                    return new String(bytes, charset);
                }
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return guess(bytes);
        }
    }

    private static String guess(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch match = detector.detect();
        if (match != null && match.getConfidence() >= 30) {
            Charset charset = charset(match.getName());
            if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
                return new String(bytes, charset);
            }
        }
        // Mostly UTF-8 with a few broken bytes, or nothing better known: keep what decodes, mark the rest.
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        long broken = lenient.chars().filter(c -> c == '\uFFFD').count();
        return broken * 20 > lenient.length() ? new String(bytes, WINDOWS_1252) : lenient;
    }

    private static Charset charset(String name) {
        try {
            String normalized = name.toLowerCase(Locale.ROOT);
            // Browsers read "iso-8859-1" as windows-1252 (WHATWG Encoding); so do we.
            return normalized.equals("iso-8859-1") || normalized.equals("latin1")
                    ? WINDOWS_1252
                    : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Drops NUL and the other C0 controls except tab and line breaks, which only garble a text. */
    public static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
            if (control || c == '\uFEFF') {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
