package io.dossier.entities.retiring;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.dossier.common.http.Retiring;

/** An operation on its way out, in the tests only: what an integrator sees of the deprecation policy. */
@Path("/test/retiring")
@PermitAll
public class RetiringProbe {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Retiring(announced = "2026-12-01", sunset = "2099-06-01", successor = "/api/v1/entities")
    public String old() {
        return "still answering";
    }

    @GET
    @Path("/gone")
    @Produces(MediaType.TEXT_PLAIN)
    @Retiring(announced = "2025-06-01", sunset = "2025-12-01", successor = "/api/v1/entities")
    public String gone() {
        return "should not answer";
    }

    @GET
    @Path("/current")
    @Produces(MediaType.TEXT_PLAIN)
    public String current() {
        return "here to stay";
    }
}
