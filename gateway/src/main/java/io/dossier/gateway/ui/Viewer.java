package io.dossier.gateway.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user as every page's layout sees it ({@code inject:viewer} in templates). */
@Named("viewer")
@RequestScoped
public class Viewer {

    private final SecurityIdentity identity;

    public Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isEditor() {
        return identity.hasRole("editor");
    }

    public boolean isAdmin() {
        return identity.hasRole("admin");
    }
}
