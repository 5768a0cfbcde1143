package io.dossier.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the API entry's request metrics are tagged with: the path's shape, so the tags stay few. */
class PathTemplateTest {

    @Test
    void idsBecomeAPlaceholderAndWordsStay() {
        assertThat(ApiProxy.template("/api/v1/sources/1b4e28ba-2fa1-11d2-883f-0016d3cca427/original"))
                .isEqualTo("/api/v1/sources/{id}/original");
        assertThat(ApiProxy.template("/api/v1/entities/1b4e28ba-2fa1-11d2-883f-0016d3cca427/merges/"
                + "0016d3cca4271b4e28ba2fa111d2883f/undo")).isEqualTo("/api/v1/entities/{id}/merges/{id}/undo");
        assertThat(ApiProxy.template("/api/v1/sources/changes")).isEqualTo("/api/v1/sources/changes");
        assertThat(ApiProxy.template("/api/v1/imports/42/items")).isEqualTo("/api/v1/imports/{id}/items");
        assertThat(ApiProxy.template("/api/v1/search")).isEqualTo("/api/v1/search");
    }
}
