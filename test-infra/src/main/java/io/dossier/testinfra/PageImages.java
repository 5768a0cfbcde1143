package io.dossier.testinfra;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Pages of text rendered to images, for OCR tests and the OCR benchmark: an A4 page at a given resolution, in a real
 * font (Debian's Noto fonts: Naskh for Arabic and Persian, Serif for Latin), right to left for Arabic script; and the
 * damage scans show (noise, skew, JPEG compression).
 */
public final class PageImages {

    /** Debian's fonts-noto-core; Java's own fallback when a file is missing. */
    static final String NASKH = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf";
    static final String SERIF = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";

    private PageImages() {
    }

    /** One A4 page of {@code text} at {@code dpi}, 12-point type; paragraphs split on new lines. */
    public static BufferedImage page(String text, boolean rightToLeft, int dpi) {
        Font font = font(rightToLeft ? NASKH : SERIF, 12f * dpi / 72f);
        int width = (int) (8.27 * dpi);
        int height = (int) (11.69 * dpi);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Map<TextAttribute, Object> attributes = new HashMap<>();
        attributes.put(TextAttribute.FONT, font);
        if (rightToLeft) {
            attributes.put(TextAttribute.RUN_DIRECTION, TextAttribute.RUN_DIRECTION_RTL);
        }
        float margin = dpi;
        float lineWidth = width - 2 * margin;
        float y = margin;
        for (String paragraph : text.split("\n")) {
            if (paragraph.isBlank()) {
                continue;
            }
            LineBreakMeasurer lines = new LineBreakMeasurer(new AttributedString(paragraph, attributes).getIterator(),
                    g.getFontRenderContext());
            while (lines.getPosition() < paragraph.length()) {
                TextLayout line = lines.nextLayout(lineWidth);
                y += line.getAscent();
                line.draw(g, rightToLeft ? margin + lineWidth - line.getAdvance() : margin, y);
                y += line.getDescent() + line.getLeading();
            }
            y += font.getSize2D() * 0.6f;
        }
        g.dispose();
        return image;
    }

    /** Salt-and-pepper noise on a share of the pixels, from a fixed seed. */
    public static BufferedImage noise(BufferedImage page, double share, long seed) {
        BufferedImage out = copy(page);
        Random random = new Random(seed);
        long n = (long) (share * out.getWidth() * out.getHeight());
        for (long i = 0; i < n; i++) {
            out.setRGB(random.nextInt(out.getWidth()), random.nextInt(out.getHeight()),
                    random.nextBoolean() ? 0xff000000 : 0xffffffff);
        }
        return out;
    }

    /** The page turned by {@code degrees} about its centre, on white. */
    public static BufferedImage skew(BufferedImage page, double degrees) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(degrees), page.getWidth() / 2.0,
                page.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    public static byte[] png(BufferedImage image) {
        return encode(List.of(image), "png", -1);
    }

    /** JPEG at {@code quality} (0 to 1). */
    public static byte[] jpeg(BufferedImage image, float quality) {
        return encode(List.of(image), "jpeg", quality);
    }

    /** A TIFF of several pages (Deflate-compressed). */
    public static byte[] tiff(List<BufferedImage> pages) {
        return encode(pages, "tiff", -1);
    }

    /** The image written and read back as a JPEG at {@code quality}: what a shared photo of a page looks like. */
    public static BufferedImage jpegged(BufferedImage image, float quality) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(jpeg(image, quality)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(List<BufferedImage> pages, String format, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (quality >= 0) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            } else if (format.equals("tiff")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("Deflate");
            }
            if (pages.size() == 1) {
                writer.write(null, new IIOImage(pages.get(0), null, null), param);
            } else {
                writer.prepareWriteSequence(null);
                for (BufferedImage page : pages) {
                    writer.writeToSequence(new IIOImage(page, null, null), param);
                }
                writer.endWriteSequence();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage copy(BufferedImage page) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), page.getType());
        Graphics2D g = out.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return out;
    }

    private static Font font(String file, float size) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new File(file)).deriveFont(size);
        } catch (FontFormatException | IOException e) {
            // without Debian's fonts-noto-core: the JDK's own font (DejaVu on Debian), which has Arabic too
            return new Font(Font.SERIF, Font.PLAIN, Math.round(size));
        }
    }
}
