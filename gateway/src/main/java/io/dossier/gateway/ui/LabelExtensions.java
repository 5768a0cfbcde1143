package io.dossier.gateway.ui;

import io.quarkus.qute.TemplateExtension;

/** Codes as words in templates: {@code entity.type.typeLabel} ("Organization"), {@code lang.languageLabel}. */
@TemplateExtension
final class LabelExtensions {

    private LabelExtensions() {
    }

    static String typeLabel(String type) {
        return Labels.type(type);
    }

    static String languageLabel(String code) {
        return Labels.language(code);
    }
}
