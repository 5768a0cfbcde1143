package io.dossier.sources.extraction.html;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Renders an element as paragraphs: every block element starts a new one, a line break stays inside one. */
final class PlainText implements NodeVisitor {

    private final List<String> paragraphs = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();

    private PlainText() {
    }

    static List<String> paragraphs(Element root) {
        PlainText out = new PlainText();
        // the traversal is iterative: deeply nested markup cannot overflow the stack
        NodeTraversor.traverse(out, root);
        out.flush();
        return out.paragraphs;
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
            current.append(t.getWholeText());
        } else if (node instanceof Element e) {
            boundary(e.tagName(), true);
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element e) {
            boundary(e.tagName(), false);
        }
    }

    private void boundary(String tag, boolean opening) {
        if (tag.equals("br")) {
            if (opening) {
                current.append('\n');
            }
        } else if (tag.equals("td") || tag.equals("th")) {
            // a table row reads as one line, its cells separated by spaces
            current.append(' ');
        } else if (MainText.BLOCKS.contains(tag)) {
            flush();
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
