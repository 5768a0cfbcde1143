package io.dossier.gateway.ui;

import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The RFC 9457 problem a service answered with, as the pages read it to say why something was refused. */
final class ServiceProblem {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceProblem() {
    }

    /** The problem's body as a tree; a missing node when there is none or it is not JSON. */
    static JsonNode of(WebApplicationException e) {
        try {
            JsonNode body = JSON.readTree(e.getResponse().readEntity(String.class));
            return body == null ? MissingNode.getInstance() : body;
        } catch (RuntimeException | java.io.IOException ex) {
            return MissingNode.getInstance();
        }
    }
}
