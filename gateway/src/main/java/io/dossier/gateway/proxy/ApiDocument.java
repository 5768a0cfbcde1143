package io.dossier.gateway.proxy;

import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The API entry's document ({@code META-INF/openapi.json}, the merge of the services' documents) as this
 * installation serves it: its public address as the server, and its identity provider's token endpoint for the
 * client-credentials flow. Runs at startup ({@code quarkus.smallrye-openapi.always-run-filter}), so the production
 * addresses come from the environment.
 */
public class ApiDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Config config = ConfigProvider.getConfig();
        String publicUrl = withoutSlash(config.getValue("dossier.gateway.public-url", String.class));
        api.setServers(List.of(OASFactory.createServer().url(publicUrl)
                .description("This installation's API entry")));
        String identity = withoutSlash(config.getValue("quarkus.oidc.auth-server-url", String.class));
        if (api.getComponents() != null && api.getComponents().getSecuritySchemes() != null) {
            SecurityScheme clients = api.getComponents().getSecuritySchemes().get("clientCredentials");
            if (clients != null && clients.getFlows() != null && clients.getFlows().getClientCredentials() != null) {
                clients.getFlows().getClientCredentials().setTokenUrl(identity + "/protocol/openid-connect/token");
            }
        }
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
