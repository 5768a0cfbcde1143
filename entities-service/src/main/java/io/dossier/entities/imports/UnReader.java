package io.dossier.entities.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import io.dossier.common.problem.ProblemException;
import io.dossier.entities.registry.EntityRequest;
import io.dossier.entities.registry.EntityRequest.NameRequest;
import io.dossier.entities.registry.EntityType;
import io.dossier.entities.registry.ExternalId;
import io.dossier.names.NameKind;

/**
 * Reads the UN Security Council consolidated list (XML): individuals and entities, their aliases (good quality as
 * aliases, low quality as weak aliases), names in original script, nationality and dates of birth. Keyed on the
 * UN reference number. External entities and DTDs are refused.
 */
final class UnReader {

    static final String SCHEME = "un";

    private UnReader() {
    }

    static List<Listed> read(InputStream xml) throws IOException {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(xml);
        } catch (SAXException e) {
            throw new ProblemException(400, "Not a readable UN consolidated list: malformed XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser takes these features", e);
        }
        if (!document.getDocumentElement().getTagName().equals("CONSOLIDATED_LIST")) {
            throw new ProblemException(400, "Not a UN consolidated list: the root is "
                    + document.getDocumentElement().getTagName());
        }
        List<Listed> listed = new ArrayList<>();
        read(document, "INDIVIDUAL", EntityType.PERSON, listed);
        read(document, "ENTITY", EntityType.ORGANIZATION, listed);
        return listed;
    }

    private static void read(Document document, String tag, EntityType type, List<Listed> into) {
        NodeList entries = document.getElementsByTagName(tag);
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            String reference = text(entry, "REFERENCE_NUMBER");
            String name = String.join(" ", List.of(text(entry, "FIRST_NAME"), text(entry, "SECOND_NAME"),
                    text(entry, "THIRD_NAME"), text(entry, "FOURTH_NAME")).stream().filter(s -> !s.isEmpty()).toList());
            if (reference.isEmpty() || name.isEmpty()) {
                continue;
            }
            List<NameRequest> names = new ArrayList<>();
            String original = text(entry, "NAME_ORIGINAL_SCRIPT");
            if (!original.isEmpty()) {
                names.add(new NameRequest(OfacReader.clip(original), script(original), NameKind.TRANSLITERATION));
            }
            NodeList aliases = entry.getElementsByTagName(tag + "_ALIAS");
            for (int a = 0; a < aliases.getLength(); a++) {
                Element alias = (Element) aliases.item(a);
                String value = text(alias, "ALIAS_NAME");
                if (!value.isEmpty()) {
                    NameKind kind = text(alias, "QUALITY").equalsIgnoreCase("Low")
                            ? NameKind.WEAK_ALIAS
                            : NameKind.ALIAS;
                    names.add(new NameRequest(OfacReader.clip(value), script(value), kind));
                }
            }
            Map<String, List<String>> attributes = new LinkedHashMap<>();
            values(entry, "NATIONALITY", attributes, "nationality");
            List<String> years = new ArrayList<>();
            NodeList births = entry.getElementsByTagName("INDIVIDUAL_DATE_OF_BIRTH");
            for (int b = 0; b < births.getLength(); b++) {
                Element birth = (Element) births.item(b);
                String date = text(birth, "DATE");
                String year = text(birth, "YEAR");
                if (!date.isEmpty() || !year.isEmpty()) {
                    years.add(date.isEmpty() ? year : date);
                }
            }
            if (!years.isEmpty()) {
                attributes.put("birthDate", years);
            }
            String listType = text(entry, "UN_LIST_TYPE");
            if (!listType.isEmpty()) {
                attributes.put("program", List.of("UN " + listType));
            }
            String comments = text(entry, "COMMENTS1");
            into.add(new Listed(new EntityRequest(type, OfacReader.clip(name),
                    comments.isEmpty() ? null : comments, names, attributes,
                    List.of(new ExternalId(SCHEME, reference)), List.of("sanctions", "un")), List.of()));
        }
    }

    private static void values(Element entry, String tag, Map<String, List<String>> attributes, String key) {
        NodeList nodes = entry.getElementsByTagName(tag);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            NodeList children = ((Element) nodes.item(i)).getElementsByTagName("VALUE");
            for (int c = 0; c < children.getLength(); c++) {
                String v = children.item(c).getTextContent().strip();
                if (!v.isEmpty()) {
                    values.add(v);
                }
            }
        }
        if (!values.isEmpty()) {
            attributes.put(key, values);
        }
    }

    /** The text of the first direct child with this tag, or "". */
    private static String text(Element parent, String tag) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip().replaceAll("\\s+", " ");
            }
        }
        return "";
    }

    /** "ar" for a name in Arabic script, else null (the language of a Latin name is not known). */
    private static String script(String name) {
        return name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)
                ? "ar"
                : null;
    }
}
