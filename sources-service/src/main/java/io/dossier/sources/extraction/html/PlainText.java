package io.dossier.sources.extraction.html;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Renders an element as paragraphs: every block element starts a new one, a line break stays inside one. */
final class PlainText {

    private final List<String> paragraphs = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();

    private PlainText() {
    }

    static List<String> paragraphs(Element root) {
        PlainText out = new PlainText();
        out.walk(root, 0);
        out.flush();
        return out.paragraphs;
    }

    private void walk(Node node, int depth) {
        if (depth > 200) {
            return;
        }
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                current.append(t.getWholeText());
            } else if (child instanceof Element e) {
                String tag = e.tagName();
                if (tag.equals("br")) {
                    current.append('\n');
                } else if (tag.equals("td") || tag.equals("th")) {
                    // a table row reads as one line, its cells separated by spaces
                    current.append(' ');
                    walk(e, depth + 1);
                    current.append(' ');
                } else if (MainText.BLOCKS.contains(tag)) {
                    flush();
                    walk(e, depth + 1);
                    flush();
                } else {
                    walk(e, depth + 1);
                }
            }
        }
    }

    private void flush() {
        if (current.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (String line : current.toString().split("\n")) {
            String normalized = Texts.normalize(line);
            if (!normalized.isEmpty()) {
                lines.add(normalized);
            }
        }
        current.setLength(0);
        if (!lines.isEmpty()) {
            paragraphs.add(String.join("\n", lines));
        }
    }
}
