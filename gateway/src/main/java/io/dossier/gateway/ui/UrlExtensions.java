package io.dossier.gateway.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

/** {@code value.urlEncoded} in templates: a value as one query parameter of a link. */
@TemplateExtension
final class UrlExtensions {

    private UrlExtensions() {
    }

    static String urlEncoded(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
